import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BYTE_RANGE_PLACEHOLDER, hashByteRange, patchByteRange } from "./byte-range";

describe("byte ranges", () => {
  it("hashes the two ranges as if they were one buffer", () => {
    const pdf = Buffer.from("abc<00>defg");
    const expected = createHash("sha256").update("abcdefg").digest();
    expect(hashByteRange(pdf, [0, 3, 7, 4]).equals(expected)).toBe(true);
  });

  it("refuses ranges that overlap or run past the file", () => {
    const pdf = Buffer.from("abc<00>defg");
    expect(() => hashByteRange(pdf, [0, 8, 7, 4])).toThrow();
    expect(() => hashByteRange(pdf, [0, 3, 7, 5])).toThrow();
  });

  it("patches the placeholder in place at the same width", () => {
    const pdf = Buffer.from(`/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n`);
    patchByteRange(pdf, 11, [0, 1234, 70000, 42]);
    expect(pdf.toString()).toBe(`/ByteRange [0 1234 70000 42${" ".repeat(19)}]\n`);
    expect(() => patchByteRange(pdf, 11, [0, 1, 2, 3])).toThrow(/placeholder/);
  });
});
