// The /ByteRange of a signature: the whole file but the hex /Contents, written with a fixed width
// so it can be patched in place once the layout is known, and hashed without copying the file.
import { createHash } from "node:crypto";
import { latin1 } from "./pdf-syntax";

/** [0, a, b, c]: bytes 0..a and b..b+c are signed; a..b is `<hex>` of /Contents. */
export type ByteRange = [number, number, number, number];

/** Room for four offsets of up to ten digits, so files up to 9.9 GB. */
export const BYTE_RANGE_PLACEHOLDER = "[0 0000000000 0000000000 0000000000]";

/** The digest of the signed ranges, hashing views of the buffer: no concatenated copy. */
export function hashByteRange(pdf: Uint8Array, byteRange: ByteRange, algorithm = "sha256"): Buffer {
  const [start1, length1, start2, length2] = byteRange;
  if (
    byteRange.some((n) => !Number.isInteger(n) || n < 0) ||
    start1 + length1 > start2 ||
    start2 + length2 > pdf.length
  ) {
    throw new Error(`The byte range [${byteRange.join(" ")}] does not fit the file`);
  }
  const hash = createHash(algorithm);
  hash.update(pdf.subarray(start1, start1 + length1));
  hash.update(pdf.subarray(start2, start2 + length2));
  return hash.digest();
}

/** Overwrites the placeholder at `at` with the real ranges, padded to the same width. */
export function patchByteRange(pdf: Uint8Array, at: number, byteRange: ByteRange): void {
  const numbers = byteRange.join(" ");
  const text = `[${numbers.padEnd(BYTE_RANGE_PLACEHOLDER.length - 2, " ")}]`;
  if (text.length !== BYTE_RANGE_PLACEHOLDER.length) {
    throw new Error(`The byte range ${numbers} does not fit its placeholder`);
  }
  if (latin1(BYTE_RANGE_PLACEHOLDER).compare(pdf.subarray(at, at + text.length)) !== 0) {
    throw new Error("The byte range placeholder is not where it was written");
  }
  pdf.set(latin1(text), at);
}

/** The byte range that signs everything but the `<…>` at contentsStart..contentsEnd. */
export function byteRangeAround(
  fileLength: number,
  contentsStart: number,
  contentsEnd: number,
): ByteRange {
  return [0, contentsStart, contentsEnd, fileLength - contentsEnd];
}
