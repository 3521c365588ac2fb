// A 10 MB signed file: the byte ranges are hashed where they lie (the time it takes is measured by
// `npm run bench -- --only signing`, beside OpenSSL).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendUpdate, PdfView, serializeDict, signPdf, streamBody } from "./fixtures/pdf-builder";
import { fixture, signedBy, verify } from "./fixtures/test-kit";

function tenMegabytePdf(): Buffer {
  const base = fixture("base.pdf");
  const view = new PdfView(base);
  const page = view.pages()[0]!;
  const image = view.nextNumber();
  const d = view.dict(page);
  d.set("Resources", {
    t: "dict",
    v: new Map([
      ["XObject", { t: "dict", v: new Map([["Scan", { t: "ref", num: image, gen: 0 }]]) }],
    ]),
  });
  const pixels = randomBytes(2048 * 1707 * 3);
  const scanned = appendUpdate(base, [
    {
      num: image,
      body: streamBody(
        "<</Type /XObject /Subtype /Image /Width 2048 /Height 1707 /ColorSpace /DeviceRGB /BitsPerComponent 8>>",
        pixels.subarray(0, 2048 * 1707 * 3),
      ),
    },
    { num: page, body: serializeDict(d) },
  ]);
  return signPdf(scanned, {
    field: "KyLon",
    subFilter: "ETSI.CAdES.detached",
    time: new Date("2025-06-01T00:00:00Z"),
    sign: signedBy("an"),
  });
}

describe("a 10 MB signed file", () => {
  it("verifies, and a byte changed deep inside it is found", () => {
    const pdf = tenMegabytePdf();
    expect(pdf.length).toBeGreaterThan(7.5 * 1024 * 1024);
    expect(verify(pdf).signatures.map((s) => s.verdict)).toEqual(["valid"]);
    const changed = Buffer.from(pdf);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 0xff;
    expect(verify(changed).signatures.map((s) => s.verdict)).toEqual(["invalid"]);
  });
});
