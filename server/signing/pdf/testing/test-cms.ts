// Detached CMS signatures for tests only (the project's CMS builder lives in the PKI module):
// one made by `openssl cms` over the signed bytes, one assembled here from a digest alone, the
// way a remote signer works. Both are PAdES B-B shaped: content-type, message-digest and
// signing-certificate-v2 signed attributes, no signing time.
import { createHash, sign } from "node:crypto";
import { openssl, type TestSigner } from "./test-pki";

export function cmsWithOpenssl(signer: TestSigner, caPath: string, content: Buffer): Buffer {
  return openssl(
    "cms -sign -binary -outform DER -md sha256 -nosmimecap -cades " +
      `-signer ${signer.certPath} -inkey ${signer.keyPath} -certfile ${caPath}`,
    [],
    content,
  );
}

function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const lengthBytes: number[] = [];
  for (let n = body.length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256);
  const length = body.length < 0x80 ? [body.length] : [0x80 | lengthBytes.length, ...lengthBytes];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

const sequence = (...contents: Buffer[]) => tlv(0x30, ...contents);
/** DER orders the elements of a SET OF by their encodings. */
const set = (...contents: Buffer[]) => tlv(0x31, ...[...contents].sort(Buffer.compare));
const octets = (bytes: Buffer) => tlv(0x04, bytes);
const integer = (n: number) => tlv(0x02, Buffer.from([n]));

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let n = arc >>> 7; n > 0; n >>>= 7) groups.unshift((n & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
};

/** The TLVs inside a constructed DER element. */
function children(der: Buffer): Buffer[] {
  const header = (at: number) => {
    const first = der[at + 1]!;
    if (first < 0x80) return { start: at + 2, length: first };
    const count = first & 0x7f;
    let length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[at + 2 + i]!;
    return { start: at + 2 + count, length };
  };
  const outer = header(0);
  const result: Buffer[] = [];
  for (let at = outer.start; at < outer.start + outer.length;) {
    const { start, length } = header(at);
    result.push(der.subarray(at, start + length));
    at = start + length;
  }
  return result;
}

function issuerAndSerial(certDer: Buffer): Buffer {
  const fields = children(children(certDer)[0]!);
  const i = fields[0]![0] === 0xa0 ? 1 : 0;
  return sequence(fields[i + 2]!, fields[i]!);
}

/** A detached CMS SignedData over `digest`, signed with the signer's RSA key. */
export function cmsFromDigest(signer: TestSigner, chain: Buffer[], digest: Buffer): Buffer {
  const certHash = createHash("sha256").update(signer.certDer).digest();
  const attributes = [
    sequence(oid(OID.contentType), set(oid(OID.data))),
    sequence(oid(OID.messageDigest), set(octets(digest))),
    sequence(oid(OID.signingCertificateV2), set(sequence(sequence(sequence(octets(certHash)))))),
  ];
  const signedAttributes = set(...attributes);
  const signature = sign("sha256", signedAttributes, signer.key);
  const signerInfo = sequence(
    integer(1),
    issuerAndSerial(signer.certDer),
    sequence(oid(OID.sha256)),
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    sequence(oid(OID.rsaEncryption), tlv(0x05)),
    octets(signature),
  );
  const signedData = sequence(
    integer(1),
    set(sequence(oid(OID.sha256))),
    sequence(oid(OID.data)),
    tlv(0xa0, signer.certDer, ...chain),
    set(signerInfo),
  );
  return sequence(oid(OID.signedData), tlv(0xa0, signedData));
}
