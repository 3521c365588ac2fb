// Signing large files: the file is copied once, into the output; the range is hashed from views;
// the CMS is written into that same buffer. Times are printed beside one SHA-256 pass over the
// file measured in the same run, not asserted.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedSignature, prepareSignature } from "./prepare-signature";
import { buildFormPdf } from "./testing/form-pdf";
import { qpdfCheck } from "./testing/pdf-tools";
import { cmsFromDigest } from "./testing/test-cms";
import { signaturePng } from "./testing/test-images";
import { createTestPki, LEADER_NAME, type TestPki } from "./testing/test-pki";

const MB = 1024 * 1024;

describe("signing large files", () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  });
  afterAll(() => pki?.remove());

  it.each([1, 10])(
    "prepares and embeds a %i MB PDF with one copy of it",
    async (megabytes) => {
      const { bytes } = await buildFormPdf({ texts: [], padding: megabytes * MB });
      expect(bytes.length).toBeGreaterThan(megabytes * MB);
      const png = await signaturePng();

      const hashStart = performance.now();
      createHash("sha256").update(bytes).digest();
      const hashMs = performance.now() - hashStart;

      const start = performance.now();
      const prepared = await prepareSignature(bytes, {
        fieldName: "LanhDaoKy",
        signerName: LEADER_NAME,
        reason: "Phê duyệt",
        location: "Hà Nội",
        signingTime: new Date(),
        appearance: { images: [{ png, rect: [0, 0, 200, 90] }] },
      });
      const prepareMs = performance.now() - start;
      const cms = cmsFromDigest(pki.leader, [pki.caDer], prepared.digest);
      const embedStart = performance.now();
      const signed = embedSignature(prepared, cms);
      const embedMs = performance.now() - embedStart;

      console.log(
        `${(bytes.length / MB).toFixed(1)} MB: prepare ${prepareMs.toFixed(1)} ms ` +
          `(${(prepareMs / hashMs).toFixed(1)}× one SHA-256 pass of ${hashMs.toFixed(1)} ms), ` +
          `embed ${embedMs.toFixed(2)} ms`,
      );

      // The signed file is the prepared buffer itself, filled in place.
      expect(signed).toBe(prepared.pdf);
      expect(signed.length - bytes.length).toBeLessThan(100 * 1024);
      expect(Buffer.compare(signed.subarray(0, bytes.length), bytes)).toBe(0);
      const [, a, b, c] = prepared.byteRange;
      const expected = createHash("sha256")
        .update(signed.subarray(0, a))
        .update(signed.subarray(b, b + c))
        .digest();
      expect(prepared.digest.equals(expected)).toBe(true);
      expect(qpdfCheck(signed).status).toBe(0);
    },
    60_000,
  );
});
