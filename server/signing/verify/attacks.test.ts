// The "PDF Insecurity" attack classes (universal signature forgery, incremental saving attack,
// signature wrapping) and other broken signatures, each checked against our verdict and against
// poppler's pdfsig. Where pdfsig calls a file valid and we do not, that is asserted too: the
// evidence that this verifier is the stricter one. The table of verdicts is printed at the end.
import { afterAll, describe, expect, it } from "vitest";
import { cases, lastByteRange, leader } from "./fixtures/attack-cases";
import { pdfsigVerdict, verify } from "./fixtures/test-kit";

const table: { file: string; pdfsig: string; ours: string }[] = [];

describe("signed files and attacks: our verdict against pdfsig's", () => {
  afterAll(() => {
    console.log(
      "\n" +
        table
          .map((r) => `${r.file.padEnd(62)} pdfsig: ${r.pdfsig.padEnd(9)} ours: ${r.ours}`)
          .join("\n"),
    );
  });

  for (const c of cases) {
    it(c.file, () => {
      const pdf = c.make();
      const result = verify(pdf);
      const ours = result.signatures.map((s) => s.verdict);
      const theirs = pdfsigVerdict(pdf);
      table.push({
        file: c.file,
        pdfsig: theirs.verdict,
        ours: ours.join(", ") || "(no signature)",
      });
      expect(ours).toEqual(c.ours);
      if (c.reason) {
        const codes = [
          ...result.signatures[0]!.reasons.map((r) => r.code),
          ...result.problems.map((r) => r.code),
        ];
        expect(codes).toContain(c.reason);
      }
      if (c.pdfsig) expect(theirs.verdict, theirs.detail).toBe(c.pdfsig);
    });
  }

  it("a one-byte change anywhere in the signed ranges makes the signature invalid", () => {
    const { a, b, c } = lastByteRange(leader);
    const offsets = [
      12,
      300,
      Math.floor(a / 3),
      Math.floor(a / 2),
      a - 3,
      b + 2,
      b + Math.floor(c / 2),
      b + c - 40,
      b + c - 8,
      b + c - 2,
    ];
    for (const offset of offsets) {
      const pdf = Buffer.from(leader);
      pdf[offset] = pdf[offset]! ^ 0x01;
      const result = verify(pdf);
      expect(result.signatures.length + result.problems.length, `offset ${offset}`).toBeGreaterThan(
        0,
      );
      for (const s of result.signatures)
        expect(s.verdict, `offset ${offset}: ${s.reasons.map((r) => r.code).join(", ")}`).toBe(
          "invalid",
        );
      table.push({
        file: `one byte changed at ${offset}`,
        pdfsig: pdfsigVerdict(pdf).verdict,
        ours: result.signatures.map((s) => s.verdict).join(", ") || "(no signature)",
      });
    }
  });
});
