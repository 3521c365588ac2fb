// Who performs the RSA step of a signature. A local key answers at once; a remote signing service
// (the holder approves on their phone) or an HSM may answer later, so `sign` can say "pending".
import { constants, privateEncrypt } from "node:crypto";
import type { KeyObject, X509Certificate } from "node:crypto";
import type { UnlockedPkcs12 } from "./pkcs12";
import { assertRsa } from "./x509";

export type SignResult =
  | { status: "signed"; signature: Buffer }
  /** The signature will come later; `reference` is the service's handle for this request. */
  | { status: "pending"; reference: string };

export type Signer = {
  certificate: X509Certificate;
  /** The certificates above `certificate`, nearest first. */
  chain: X509Certificate[];
  /** An RSA PKCS#1 v1.5 signature over a SHA-256 digest that has already been computed. */
  sign(digestToSign: Buffer): Promise<SignResult>;
};

/** DigestInfo for SHA-256 up to the digest itself (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from("3031300d060960864801650304020105000420", "hex");

/**
 * RSASSA-PKCS1-v1_5 over a precomputed SHA-256 digest: the DigestInfo padded with block type 1 and
 * raised to the private exponent, which is what `privateEncrypt` with PKCS#1 padding does. The
 * result is the signature `crypto.sign("sha256", data, key)` gives over the undigested data.
 */
export function signSha256Digest(key: KeyObject, digest: Buffer): Buffer {
  assertRsa(key);
  if (digest.length !== 32) throw new Error("Expected a SHA-256 digest (32 bytes)");
  return privateEncrypt(
    { key, padding: constants.RSA_PKCS1_PADDING },
    Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]),
  );
}

/** A signer over a key unlocked from the holder's PKCS#12 file; it always answers at once. */
export function createLocalSigner(unlocked: UnlockedPkcs12): Signer {
  return {
    certificate: unlocked.certificate,
    chain: unlocked.chain,
    sign: async (digestToSign) => ({
      status: "signed",
      signature: signSha256Digest(unlocked.key, digestToSign),
    }),
  };
}
