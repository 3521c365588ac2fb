// Checks one signature value with node:crypto, whatever carries it (a CMS SignerInfo, a CRL):
// RSA PKCS#1 v1.5, RSA-PSS and ECDSA.
import { constants, createVerify, type KeyObject } from "node:crypto";
import { children, decodeOid, type Der, smallInteger } from "./der";
import { type DigestName, digestByOid, Oid, signatureAlgorithms } from "./oids";

export type SignatureCheck = "ok" | "bad" | "unsupported";

type PssParams = { digest: DigestName; saltLength: number };

function readPssParams(params: Der | null): PssParams | null {
  let digest: DigestName = "sha1";
  let mgfDigest: DigestName = "sha1";
  let saltLength = 20;
  if (params && params.constructed) {
    for (const field of children(params)) {
      const inner = children(field)[0];
      if (!inner) continue;
      if (field.tag === 0xa0) {
        const d = digestByOid[decodeOid(children(inner)[0]!)];
        if (!d) return null;
        digest = d;
      } else if (field.tag === 0xa1) {
        const [mgfOid, mgfParams] = children(inner);
        if (!mgfOid || decodeOid(mgfOid) !== Oid.mgf1 || !mgfParams) return null;
        const d = digestByOid[decodeOid(children(mgfParams)[0]!)];
        if (!d) return null;
        mgfDigest = d;
      } else if (field.tag === 0xa2) saltLength = smallInteger(inner);
    }
  }
  // node:crypto uses the message digest for MGF1 as well.
  if (mgfDigest !== digest) return null;
  return { digest, saltLength };
}

/**
 * Verifies `signature` over the concatenation of `data` (checked piece by piece, never copied)
 * with the algorithm named by `algorithmOid`. `digest` is the SignerInfo's digest algorithm, used
 * when the algorithm does not name one (rsaEncryption, id-ecPublicKey).
 */
export function checkSignature(input: {
  algorithmOid: string;
  algorithmParams: Der | null;
  digest: DigestName | null;
  publicKey: KeyObject;
  data: Buffer[];
  signature: Buffer;
}): SignatureCheck {
  const keyType = input.publicKey.asymmetricKeyType;
  let digest: DigestName | null = input.digest;
  let options: Parameters<ReturnType<typeof createVerify>["verify"]>[0] = input.publicKey;
  if (input.algorithmOid === Oid.rsaPss) {
    const pss = readPssParams(input.algorithmParams);
    if (!pss || (keyType !== "rsa" && keyType !== "rsa-pss")) return "unsupported";
    digest = pss.digest;
    options = {
      key: input.publicKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: pss.saltLength,
    };
  } else if (input.algorithmOid === Oid.rsaEncryption) {
    if (keyType !== "rsa") return "unsupported";
  } else if (input.algorithmOid === Oid.ecPublicKey) {
    if (keyType !== "ec") return "unsupported";
  } else {
    const known = signatureAlgorithms[input.algorithmOid];
    if (!known) return "unsupported";
    if ((known.key === "rsa" && keyType !== "rsa") || (known.key === "ec" && keyType !== "ec"))
      return "unsupported";
    digest = known.digest;
  }
  if (!digest) return "unsupported";
  try {
    const verifier = createVerify(digest);
    for (const piece of input.data) verifier.update(piece);
    return verifier.verify(options, input.signature) ? "ok" : "bad";
  } catch {
    return "bad";
  }
}
