// PKCS#12 files holding a signing key: written protected by the holder's PIN (PBES2 AES-256-CBC with
// PBKDF2-HMAC-SHA-256, HMAC-SHA-256 integrity, readable by OpenSSL 3 without -legacy), and opened for
// signing or for importing a key issued by an outside CA. node-forge reads the structure; the
// cryptography, the key included, is node:crypto's.
import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import type { KeyObject } from "node:crypto";
import forge from "node-forge";
import {
  childAt,
  childrenOf,
  explicit,
  integer,
  isContext,
  octetString,
  oid,
  parseDer,
  readInteger,
  readOctets,
  readOid,
  sequence,
  setOf,
  toDer,
  ASN1_TYPE,
} from "./der";
import type { Asn1 } from "./der";
import { OID } from "./oids";
import {
  checkMacData,
  createMacData,
  decryptPasswordBased,
  DecryptionFailed,
  encryptPbes2,
  UnsupportedAlgorithm,
} from "./password-based";

export type Pkcs12ErrorCode =
  /** The PIN does not open the file (or the file was altered after it was made). */
  | "WRONG_PIN"
  /** Not a PKCS#12 file, or a damaged one. */
  | "NOT_PKCS12"
  /** The file holds certificates only. */
  | "NO_PRIVATE_KEY"
  /** The file holds a private key but not its certificate. */
  | "NO_CERTIFICATE"
  /**
   * The private key can be read without a PIN: stored unencrypted, or protected by the empty
   * password. Such a file is refused, and an empty PIN is never used to make one.
   */
  | "NO_PIN"
  /** Protected with an algorithm not implemented here (public-key modes, PBMAC1, ...). */
  | "UNSUPPORTED";

export class Pkcs12Error extends Error {
  constructor(
    readonly code: Pkcs12ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "Pkcs12Error";
  }
}

/**
 * Iteration counts. A 6-digit PIN stays guessable offline whatever they are (the MAC alone lets a
 * guess be checked), so a stored file must also be protected at rest by the storage layer. The MAC's
 * key derivation is an iterated hash Node can only run one call at a time (about 6 µs each), so it
 * stays at OpenSSL's default.
 */
const KEY_ITERATIONS = 100_000;
const MAC_ITERATIONS = 2048;

export type UnlockedPkcs12 = {
  key: KeyObject;
  certificate: X509Certificate;
  /** The certificates above `certificate`, from its issuer upwards, as far as the file has them. */
  chain: X509Certificate[];
};

const bagAttribute = (type: string, value: Asn1) => sequence(oid(type), setOf([value]));

// node-forge writes a BMPSTRING's JavaScript string as UTF-16BE itself.
const bmpString = (text: string): Asn1 =>
  forge.asn1.create(forge.asn1.Class.UNIVERSAL, ASN1_TYPE.BMPSTRING, false, text.normalize("NFC"));

const dataContentInfo = (content: Buffer) =>
  sequence(oid(OID.data), explicit(0, octetString(content)));

/** Write `key` with its certificate and chain, protected by `pin`. */
export async function wrapPkcs12(options: {
  key: KeyObject;
  certificate: X509Certificate;
  chain?: X509Certificate[];
  pin: string;
  friendlyName?: string;
}): Promise<Buffer> {
  const { key, certificate, chain = [], pin } = options;
  if (!pin) throw new Pkcs12Error("NO_PIN", "A PIN is required to protect the key");
  if (!certificate.checkPrivateKey(key)) {
    throw new Error("The private key does not belong to the certificate");
  }
  const attributes = [
    bagAttribute(OID.localKeyId, octetString(createHash("sha1").update(certificate.raw).digest())),
    ...(options.friendlyName
      ? [bagAttribute(OID.friendlyName, bmpString(options.friendlyName))]
      : []),
  ];
  const certBags = [certificate, ...chain].map((cert, i) =>
    sequence(
      oid(OID.certBag),
      explicit(0, sequence(oid(OID.x509Certificate), explicit(0, octetString(cert.raw)))),
      ...(i === 0 ? [setOf(attributes)] : []),
    ),
  );
  const encrypted = await encryptPbes2(
    key.export({ type: "pkcs8", format: "der" }),
    pin,
    KEY_ITERATIONS,
  );
  const keyBag = sequence(
    oid(OID.pkcs8ShroudedKeyBag),
    explicit(0, sequence(encrypted.algorithm, octetString(encrypted.ciphertext))),
    setOf(attributes),
  );
  const authenticatedSafe = toDer(
    sequence(
      dataContentInfo(toDer(sequence(...certBags))),
      dataContentInfo(toDer(sequence(keyBag))),
    ),
  );
  return toDer(
    sequence(
      integer(3),
      dataContentInfo(authenticatedSafe),
      createMacData(authenticatedSafe, pin, MAC_ITERATIONS),
    ),
  );
}

type Pkcs12Contents = { keys: Buffer[]; certificates: X509Certificate[] };

/** Open a PKCS#12 file with the holder's PIN. Throws a `Pkcs12Error` for every way it can fail. */
export async function unlockPkcs12(der: Buffer, pin: string): Promise<UnlockedPkcs12> {
  const { keys, certificates } = await openPkcs12(der, pin);
  if (keys.length === 0) throw new Pkcs12Error("NO_PRIVATE_KEY", "The file holds no private key");
  for (const pkcs8 of keys) {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
    } catch {
      throw new Pkcs12Error("WRONG_PIN", "The PIN does not open this file");
    }
    const certificate = certificates.find((c) => c.checkPrivateKey(key));
    if (certificate) {
      return { key, certificate, chain: orderChain(certificate, certificates) };
    }
  }
  throw new Pkcs12Error("NO_CERTIFICATE", "The file holds no certificate for its private key");
}

export type ImportedPkcs12 = UnlockedPkcs12 & {
  /** The self-signed certificate the chain ends in, for an administrator to approve as a trust
   * anchor; null when the file stops short of a root. */
  root: X509Certificate | null;
  /** The same key and certificates re-written as `wrapPkcs12` writes them, under the same PIN. */
  pkcs12: Buffer;
};

/** Open a PKCS#12 file from an outside CA: its key, certificate, chain and root, re-wrapped. */
export async function importPkcs12(der: Buffer, pin: string): Promise<ImportedPkcs12> {
  const unlocked = await unlockPkcs12(der, pin);
  const top = unlocked.chain.at(-1) ?? unlocked.certificate;
  const root = isSelfSigned(top) ? top : null;
  const pkcs12 = await wrapPkcs12({ ...unlocked, pin });
  return { ...unlocked, root, pkcs12 };
}

const isSelfSigned = (c: X509Certificate) => c.checkIssued(c) && c.verify(c.publicKey);

/** The issuers of `leaf` among `certificates`, nearest first, by name and signature. */
function orderChain(leaf: X509Certificate, certificates: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const pool = certificates.filter((c) => !c.raw.equals(leaf.raw));
  let current = leaf;
  while (!isSelfSigned(current)) {
    const index = pool.findIndex((c) => current.checkIssued(c) && current.verify(c.publicKey));
    if (index < 0) break;
    current = pool.splice(index, 1)[0]!;
    chain.push(current);
  }
  return chain;
}

async function openPkcs12(der: Buffer, pin: string): Promise<Pkcs12Contents> {
  let pfx: Asn1;
  let authenticatedSafe: Buffer;
  let macData: Asn1 | undefined;
  try {
    pfx = parseDer(der);
    if (readInteger(childAt(pfx, 0)) !== 3n) throw new Error("Not PFX version 3");
    const authSafe = childAt(pfx, 1);
    const contentType = readOid(childAt(authSafe, 0));
    if (contentType === OID.signedData) {
      throw new Pkcs12Error("UNSUPPORTED", "PKCS#12 in public-key integrity mode");
    }
    if (contentType !== OID.data) throw new Error("Not a PKCS#12 file");
    authenticatedSafe = readOctets(childAt(childAt(authSafe, 1), 0));
    macData = childrenOf(pfx)[2];
  } catch (error) {
    throw asPkcs12Error(error);
  }

  if (macData) {
    const macMatches = (password: string | null) => {
      try {
        return checkMacData(macData, authenticatedSafe, password);
      } catch (error) {
        throw asPkcs12Error(error);
      }
    };
    if (pin !== "" && !macMatches(pin)) {
      if (macMatches("") || macMatches(null)) throw noPin();
      throw new Pkcs12Error("WRONG_PIN", "The PIN does not open this file");
    }
    if (pin === "" && (macMatches("") || macMatches(null))) throw noPin();
  }

  let contents: Pkcs12Contents;
  try {
    contents = await readAuthenticatedSafe(authenticatedSafe, pin);
  } catch (error) {
    throw asPkcs12Error(error);
  }
  if (pin === "") throw noPin();
  return contents;
}

const noPin = () =>
  new Pkcs12Error("NO_PIN", "The private key in this file is not protected by a PIN");

function asPkcs12Error(error: unknown): Pkcs12Error {
  if (error instanceof Pkcs12Error) return error;
  if (error instanceof UnsupportedAlgorithm) {
    return new Pkcs12Error("UNSUPPORTED", `Not supported: ${error.message}`);
  }
  if (error instanceof DecryptionFailed) {
    return new Pkcs12Error("WRONG_PIN", "The PIN does not open this file");
  }
  return new Pkcs12Error("NOT_PKCS12", "This is not a PKCS#12 file, or it is damaged");
}

async function readAuthenticatedSafe(authenticatedSafe: Buffer, pin: string) {
  const contents: Pkcs12Contents = { keys: [], certificates: [] };
  for (const contentInfo of childrenOf(parseDer(authenticatedSafe), "AuthenticatedSafe")) {
    const contentType = readOid(childAt(contentInfo, 0));
    const content = childAt(childAt(contentInfo, 1), 0);
    if (contentType === OID.data) {
      await readSafeContents(parseDer(readOctets(content)), pin, false, contents);
    } else if (contentType === OID.encryptedData) {
      const encryptedContentInfo = childAt(content, 1, "EncryptedData");
      const encryptedContent = childrenOf(encryptedContentInfo).find((e) => isContext(e, 0));
      if (!encryptedContent) continue;
      const plaintext = await decryptPasswordBased(
        childAt(encryptedContentInfo, 1),
        readOctets(encryptedContent),
        pin,
      );
      await readSafeContents(parseDer(plaintext), pin, true, contents);
    } else {
      throw new Pkcs12Error("UNSUPPORTED", "PKCS#12 in public-key privacy mode");
    }
  }
  return contents;
}

async function readSafeContents(
  safeContents: Asn1,
  pin: string,
  encrypted: boolean,
  contents: Pkcs12Contents,
): Promise<void> {
  for (const bag of childrenOf(safeContents, "SafeContents")) {
    const bagId = readOid(childAt(bag, 0));
    const value = childAt(childAt(bag, 1), 0);
    if (bagId === OID.keyBag) {
      if (!encrypted) throw noPin();
      contents.keys.push(toDer(value));
    } else if (bagId === OID.pkcs8ShroudedKeyBag) {
      contents.keys.push(
        await decryptPasswordBased(childAt(value, 0), readOctets(childAt(value, 1)), pin),
      );
    } else if (bagId === OID.certBag && readOid(childAt(value, 0)) === OID.x509Certificate) {
      contents.certificates.push(new X509Certificate(readOctets(childAt(childAt(value, 1), 0))));
    } else if (bagId === OID.safeContentsBag) {
      await readSafeContents(value, pin, encrypted, contents);
    }
  }
}
