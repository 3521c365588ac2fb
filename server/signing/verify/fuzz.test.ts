// A broken or hostile file gives a report with reasons, never an exception, and never a valid
// signature over bytes the signer did not sign.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture, verify } from "./fixtures/test-kit";
import { PdfFile } from "./pdf-file";
import { verifyPdf, type VerifyResult } from "./verify-pdf";

const two = fixture("openssl-two-dss.pdf");
const leader = fixture("openssl-pades-t.pdf");
const revisionEnds = new PdfFile(two).revisions.map((r) => r.end);

function wellFormed(result: VerifyResult) {
  expect(Array.isArray(result.signatures)).toBe(true);
  expect(Array.isArray(result.problems)).toBe(true);
  for (const r of [...result.problems, ...result.signatures.flatMap((s) => s.reasons)]) {
    expect(typeof r.code).toBe("string");
    expect(r.vi.length).toBeGreaterThan(0);
    expect(r.en.length).toBeGreaterThan(0);
  }
}

const pdf = (text: string) => Buffer.from(text, "latin1");

describe("verifyPdf on broken input", () => {
  it("random bytes give a report, not an exception", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const result = verifyPdf(bytes, { trustAnchors: [] });
        wellFormed(result);
        expect(result.signatures).toEqual([]);
      }),
      { numRuns: 300, seed: 20250101 },
    );
  });

  it("a truncated signed file has no valid signature past the cut", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: two.length - 1 }), (length) => {
        const result = verify(two.subarray(0, length));
        wellFormed(result);
        const valid = result.signatures.filter((s) => s.verdict === "valid").length;
        // A signature is valid only if its whole revision (up to %%EOF) is still there.
        expect(valid).toBeLessThanOrEqual(
          Math.max(0, revisionEnds.filter((end) => end <= length + 1).length - 1),
        );
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("a signature stays valid after random changes only when they all fall in its unsigned /Contents gap", () => {
    const [, a, b] = leader
      .toString("latin1")
      .match(/\/ByteRange \[0 (\d+) (\d+)/)!
      .map(Number);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: leader.length - 1 }),
            fc.integer({ min: 0, max: 255 }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          const copy = Buffer.from(leader);
          for (const [at, value] of edits) copy[at] = value;
          if (copy.equals(leader)) return;
          const result = verify(copy);
          wellFormed(result);
          if (result.signatures.some((s) => s.verdict === "valid")) {
            for (const [at, value] of edits)
              if (leader[at] !== value) expect(at >= a! && at < b!).toBe(true);
          }
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it("hostile structures are reported, not thrown", () => {
    const hostile = [
      "%PDF-1.7\n" + "[".repeat(100_000) + "\nstartxref\n9\n%%EOF\n",
      "%PDF-1.7\n1 0 obj\n<<" +
        "/A <<".repeat(5000) +
        "\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2 /Root 1 0 R>>\nstartxref\n" +
        (15 + 5 * 5001) +
        "\n%%EOF\n",
      "%PDF-1.7\nxref\n0 99999999999\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n",
      "%PDF-1.7\nstartxref\n99999999999999999999\n%%EOF\n",
      "%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1 /Prev 9 /Root 1 0 R>>\nstartxref\n9\n%%EOF\n",
      "%PDF-1.7\n1 0 obj\n<</Type /XRef /W [8 8 8] /Size 1000000000 /Length 3>>\nstream\nabc\nendstream\nendobj\nstartxref\n9\n%%EOF\n",
      "%PDF-1.7\n1 0 obj\n<</Length 99999999999>>\nstream\nxx\nendobj\nstartxref\n9\n%%EOF\n",
      "%PDF-1.7\n1 0 obj\n<</Type /Catalog /AcroForm <</Fields [2 0 R]>>>>\nendobj\n2 0 obj\n<</FT /Sig /T (x) /V <</Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 99999999] /Contents <3082>>>/Kids [2 0 R]>>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000074 00000 n \ntrailer\n<</Size 3 /Root 1 0 R>>\nstartxref\n230\n%%EOF\n",
    ];
    for (const text of hostile) {
      const result = verifyPdf(pdf(text), { trustAnchors: [] });
      wellFormed(result);
      for (const s of result.signatures) expect(s.verdict).toBe("invalid");
    }
  });

  it("unreadable trust anchors and CRLs are reported as problems", () => {
    const result = verifyPdf(leader, {
      trustAnchors: ["not a certificate", Buffer.from([0x30, 0x03, 1, 2, 3])],
      crls: [Buffer.from("junk")],
    });
    expect(result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["input-anchor-unreadable", "input-crl-unreadable"]),
    );
    expect(result.signatures[0]!.verdict).toBe("valid-untrusted");
  });
});
