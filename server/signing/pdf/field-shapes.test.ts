// A signature field whose widget is a separate kid: /V goes on the field, /AP on the widget.
// (poppler 22's pdfsig mistakes such a widget, which carries /Parent, for a field of its own and
// reports it unsigned, so this shape is checked through qpdf and openssl instead.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPdfField } from "./prepare-signature";
import { buildFormPdf } from "./testing/form-pdf";
import { opensslCmsVerify, qpdfCheck, qpdfJson } from "./testing/pdf-tools";
import { cmsFromDigest } from "./testing/test-cms";
import { sealPng } from "./testing/test-images";
import { createTestPki, ORGANISATION, type TestPki } from "./testing/test-pki";

type Objects = Record<string, { value?: Record<string, unknown> }>;

describe("a signature field with its widget as a kid", () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  });
  afterAll(() => pki?.remove());

  it("puts the signature on the field and the appearance on the widget", async () => {
    const { bytes } = await buildFormPdf({ texts: [], sealWidgetAsKid: true });
    const signed = await signPdfField(bytes, {
      fieldName: "DauCoQuan",
      signerName: ORGANISATION,
      reason: "Đóng dấu",
      location: "Hà Nội",
      signingTime: new Date("2026-03-05T03:00:00Z"),
      appearance: { images: [{ png: await sealPng(), rect: [0, 0, 110, 110] }] },
      sign: async (digest) => cmsFromDigest(pki.seal, [pki.caDer], digest),
    });
    expect(qpdfCheck(signed).status).toBe(0);

    const objects = qpdfJson(signed).qpdf[1] as Objects;
    const entries = Object.values(objects).map((o) => o.value ?? {});
    const field = entries.find((v) => v["/T"] === "u:DauCoQuan")!;
    const widget = objects[`obj:${(field["/Kids"] as string[])[0]}`]!.value!;
    const signature = objects[`obj:${String(field["/V"])}`]!.value!;
    expect(signature["/SubFilter"]).toBe("/ETSI.CAdES.detached");
    expect(field["/AP"]).toBeUndefined();
    expect(widget["/V"]).toBeUndefined();
    expect((widget["/AP"] as Record<string, unknown>)["/N"]).toMatch(/^\d+ 0 R$/);

    const [, a, b, c] = signature["/ByteRange"] as number[];
    const contents = Buffer.from(String(signature["/Contents"]).replace(/^b:/, ""), "hex");
    const content = Buffer.concat([signed.subarray(0, a), signed.subarray(b!, b! + c!)]);
    const cms = contents.subarray(0, 4 + contents.readUInt16BE(2));
    expect(opensslCmsVerify(cms, content, pki.caPath).stderr).toContain(
      "CMS Verification successful",
    );
  });
});
