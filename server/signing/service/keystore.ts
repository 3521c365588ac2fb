import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../../env";

// Private material at rest (the CA's keys, every PKCS#12) is sealed with a key only the server
// holds, derived from AUTH_SECRET: a copy of the database alone opens nothing, and a PIN cannot
// be guessed offline without the server's secret as well.

const VERSION = 1;

function serverKey(): Buffer {
  const secret = env.AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to keep signing keys");
  return Buffer.from(hkdfSync("sha256", secret, "lien-thong", "signing keys at rest", 32));
}

/** AES-256-GCM: version byte, 12-byte nonce, 16-byte tag, ciphertext. */
export function seal(plain: Buffer, context: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", serverKey(), nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
}

export function unseal(sealed: Buffer, context: string): Buffer {
  if (sealed[0] !== VERSION || sealed.length < 29) throw new Error("Unknown sealed format");
  const decipher = createDecipheriv("aes-256-gcm", serverKey(), sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}
