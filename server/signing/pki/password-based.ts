// Password-based cryptography for PKCS#12: the RFC 7292 appendix B key derivation (MAC keys and the
// legacy PBE ciphers), and PBES2 (RFC 8018). All of it runs on node:crypto; only RC2, which Node's
// OpenSSL no longer offers, falls back to node-forge for old files.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  pbkdf2,
  randomBytes,
} from "node:crypto";
import { timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";
import {
  algorithm,
  childAt,
  childrenOf,
  fromBinary,
  integer,
  isUniversal,
  nullValue,
  octetString,
  oid,
  readInteger,
  readOctets,
  readOid,
  sequence,
  toBinary,
  ASN1_TYPE,
} from "./der";
import type { Asn1 } from "./der";
import { OID } from "./oids";

const pbkdf2Async = promisify(pbkdf2);

/** Thrown when a password does not decrypt: bad padding or an unusable result. */
export class DecryptionFailed extends Error {}
/** Thrown for algorithms this code does not implement. */
export class UnsupportedAlgorithm extends Error {}

const HASHES: Record<string, { name: string; blockSize: number; length: number }> = {
  [OID.sha1]: { name: "sha1", blockSize: 64, length: 20 },
  "2.16.840.1.101.3.4.2.4": { name: "sha224", blockSize: 64, length: 28 },
  [OID.sha256]: { name: "sha256", blockSize: 64, length: 32 },
  [OID.sha384]: { name: "sha384", blockSize: 128, length: 48 },
  [OID.sha512]: { name: "sha512", blockSize: 128, length: 64 },
};

/** The PKCS#12 form of a password: BMPString with a terminating zero; `null` is no password. */
export function bmpPassword(password: string | null): Buffer {
  if (password === null) return Buffer.alloc(0);
  return Buffer.concat([
    Buffer.from(password.normalize("NFC"), "utf16le").swap16(),
    Buffer.alloc(2),
  ]);
}

const repeatTo = (bytes: Buffer, length: number) => {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = bytes[i % bytes.length]!;
  return out;
};

/** RFC 7292 B.2. `id` is 1 for cipher keys, 2 for IVs, 3 for MAC keys. */
export function pkcs12Kdf(
  password: Buffer,
  salt: Buffer,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
  hash: { name: string; blockSize: number; length: number },
): Buffer {
  const v = hash.blockSize;
  const roundUp = (n: number) => v * Math.ceil(n / v);
  const d = Buffer.alloc(v, id);
  const input = Buffer.concat([
    salt.length ? repeatTo(salt, roundUp(salt.length)) : Buffer.alloc(0),
    password.length ? repeatTo(password, roundUp(password.length)) : Buffer.alloc(0),
  ]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < length; produced += hash.length) {
    let a = createHash(hash.name).update(d).update(input).digest();
    for (let r = 1; r < iterations; r++) a = createHash(hash.name).update(a).digest();
    out.push(a);
    const b = repeatTo(a, v);
    for (let block = 0; block < input.length; block += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = input[block + k]! + b[k]! + carry;
        input[block + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}

// ---- MAC ----

/** MacData with HMAC-SHA-256 over `content`, the key derived as RFC 7292 says. */
export function createMacData(content: Buffer, password: string, iterations: number): Asn1 {
  const hash = HASHES[OID.sha256]!;
  const salt = randomBytes(16);
  const key = pkcs12Kdf(bmpPassword(password), salt, 3, iterations, hash.length, hash);
  const mac = createHmac(hash.name, key).update(content).digest();
  return sequence(
    sequence(algorithm(OID.sha256, true), octetString(mac)),
    octetString(salt),
    integer(iterations),
  );
}

/** True when `macData` authenticates `content` under `password` (`null`: no password at all). */
export function checkMacData(macData: Asn1, content: Buffer, password: string | null): boolean {
  const digestInfo = childAt(macData, 0, "MacData");
  const hash = HASHES[readOid(childAt(childAt(digestInfo, 0), 0))];
  if (!hash) throw new UnsupportedAlgorithm("PKCS#12 MAC algorithm");
  const expected = readOctets(childAt(digestInfo, 1));
  const salt = readOctets(childAt(macData, 1));
  const iterationsField = childrenOf(macData)[2];
  const iterations = iterationsField ? Number(readInteger(iterationsField)) : 1;
  const key = pkcs12Kdf(bmpPassword(password), salt, 3, iterations, hash.length, hash);
  const actual = createHmac(hash.name, key).update(content).digest();
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// ---- encryption ----

/** PBES2: PBKDF2 with HMAC-SHA-256, then AES-256-CBC. Returns the AlgorithmIdentifier and data. */
export async function encryptPbes2(
  plaintext: Buffer,
  password: string,
  iterations: number,
): Promise<{ algorithm: Asn1; ciphertext: Buffer }> {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await pbkdf2Async(
    Buffer.from(password.normalize("NFC")),
    salt,
    iterations,
    32,
    "sha256",
  );
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    algorithm: sequence(
      oid(OID.pbes2),
      sequence(
        sequence(
          oid(OID.pbkdf2),
          sequence(
            octetString(salt),
            integer(iterations),
            sequence(oid(OID.hmacWithSHA256), nullValue()),
          ),
        ),
        sequence(oid(OID.aes256Cbc), octetString(iv)),
      ),
    ),
    ciphertext,
  };
}

const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  [OID.aes128Cbc]: { name: "aes-128-cbc", keyLength: 16 },
  [OID.aes192Cbc]: { name: "aes-192-cbc", keyLength: 24 },
  [OID.aes256Cbc]: { name: "aes-256-cbc", keyLength: 32 },
  [OID.desEde3Cbc]: { name: "des-ede3-cbc", keyLength: 24 },
};

const PBKDF2_PRFS: Record<string, string> = {
  [OID.hmacWithSHA1]: "sha1",
  [OID.hmacWithSHA224]: "sha224",
  [OID.hmacWithSHA256]: "sha256",
  [OID.hmacWithSHA384]: "sha384",
  [OID.hmacWithSHA512]: "sha512",
};

/** PKCS#12 PBE ciphers (RFC 7292 C): key length, IV length, and how to decrypt. */
const PKCS12_PBE: Record<string, { keyLength: number; ivLength: number; cipher: string }> = {
  "1.2.840.113549.1.12.1.3": { keyLength: 24, ivLength: 8, cipher: "des-ede3-cbc" },
  "1.2.840.113549.1.12.1.4": { keyLength: 16, ivLength: 8, cipher: "des-ede-cbc" },
  "1.2.840.113549.1.12.1.5": { keyLength: 16, ivLength: 8, cipher: "rc2-128" },
  "1.2.840.113549.1.12.1.6": { keyLength: 5, ivLength: 8, cipher: "rc2-40" },
};

/** Decrypt data protected by a password-based AlgorithmIdentifier (PBES2 or PKCS#12 PBE). */
export async function decryptPasswordBased(
  algorithmIdentifier: Asn1,
  ciphertext: Buffer,
  password: string,
): Promise<Buffer> {
  const algorithmOid = readOid(childAt(algorithmIdentifier, 0, "AlgorithmIdentifier"));
  const parameters = childAt(algorithmIdentifier, 1, "AlgorithmIdentifier");
  if (algorithmOid === OID.pbes2) return decryptPbes2(parameters, ciphertext, password);
  const pbe = PKCS12_PBE[algorithmOid];
  if (!pbe) throw new UnsupportedAlgorithm(`encryption algorithm ${algorithmOid}`);
  const salt = readOctets(childAt(parameters, 0));
  const iterations = Number(readInteger(childAt(parameters, 1)));
  const hash = HASHES[OID.sha1]!;
  const bmp = bmpPassword(password);
  const key = pkcs12Kdf(bmp, salt, 1, iterations, pbe.keyLength, hash);
  const iv = pkcs12Kdf(bmp, salt, 2, iterations, pbe.ivLength, hash);
  if (pbe.cipher.startsWith("rc2-")) return decryptRc2(key, iv, ciphertext);
  return decipher(pbe.cipher, key, iv, ciphertext);
}

async function decryptPbes2(parameters: Asn1, ciphertext: Buffer, password: string) {
  const kdf = childAt(parameters, 0, "PBES2 parameters");
  const scheme = childAt(parameters, 1, "PBES2 parameters");
  if (readOid(childAt(kdf, 0)) !== OID.pbkdf2)
    throw new UnsupportedAlgorithm("PBES2 key derivation");
  const [salt, iterations, ...optional] = childrenOf(childAt(kdf, 1), "PBKDF2 parameters");
  const prfAlgorithm = optional.find((o) => isUniversal(o, ASN1_TYPE.SEQUENCE));
  const prf = prfAlgorithm ? PBKDF2_PRFS[readOid(childAt(prfAlgorithm, 0))] : "sha1";
  const cipher = PBES2_CIPHERS[readOid(childAt(scheme, 0))];
  if (!prf || !cipher) throw new UnsupportedAlgorithm("PBES2 cipher or PRF");
  const key = await pbkdf2Async(
    Buffer.from(password.normalize("NFC")),
    readOctets(salt),
    Number(readInteger(iterations)),
    cipher.keyLength,
    prf,
  );
  return decipher(cipher.name, key, readOctets(childAt(scheme, 1)), ciphertext);
}

function decipher(name: string, key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch (error) {
    if (error instanceof Error && /unsupported|unknown cipher/i.test(error.message)) {
      throw new UnsupportedAlgorithm(name);
    }
    throw new DecryptionFailed("Wrong password or damaged data");
  }
}

function decryptRc2(key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  const cipher = forge.rc2.createDecryptionCipher(toBinary(key), key.length * 8);
  cipher.start(forge.util.createBuffer(toBinary(iv)));
  cipher.update(forge.util.createBuffer(toBinary(ciphertext)));
  if (!cipher.finish()) throw new DecryptionFailed("Wrong password or damaged data");
  return fromBinary(cipher.output.getBytes());
}
