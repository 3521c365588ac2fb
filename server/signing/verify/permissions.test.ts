// DocMDP (certification) and FieldMDP (locks): what a later update may do to a signed document.
import { describe, expect, it } from "vitest";
import { appendUpdate, PdfView, serializeDict, signPdf, streamBody } from "./fixtures/pdf-builder";
import { fixture, signedBy, timestampedBy, verify } from "./fixtures/test-kit";

const base = fixture("base.pdf");
const time = new Date("2025-06-01T00:00:00Z");

function certified(p: 1 | 2 | 3): Buffer {
  return signPdf(base, {
    field: "ChungNhan",
    subFilter: "ETSI.CAdES.detached",
    time,
    sign: signedBy("binh"),
    sigExtra: (sigNum) => ({
      entries: `/Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P ${p} /V /1.2>>>>]`,
      catalog: { Perms: `<</DocMDP ${sigNum} 0 R>>` },
    }),
  });
}

function approved(lock?: string): Buffer {
  return signPdf(base, {
    field: "PheDuyet",
    subFilter: "ETSI.CAdES.detached",
    time,
    sign: signedBy("an"),
    sigExtra: lock
      ? () => ({
          entries: `/Reference [<</Type /SigRef /TransformMethod /FieldMDP /TransformParams <</Type /TransformParams /Action /Include /Fields [(${lock})] /V /1.2>>>>]`,
        })
      : undefined,
  });
}

function fillNumber(pdf: Buffer): Buffer {
  const view = new PdfView(pdf);
  const form = view.file.dict(view.rev, view.catalog.get("AcroForm"));
  const fields = view.resolve(form?.get("Fields"));
  const field = (fields.t === "array" ? fields.v : []).find((f) => {
    const type = f.t === "ref" ? view.resolve(view.dict(f.num).get("FT")) : null;
    return type?.t === "name" && type.v === "Tx";
  });
  if (field?.t !== "ref") throw new Error("no text field");
  const stream = view.nextNumber();
  const d = view.dict(field.num);
  d.set("V", { t: "str", v: Buffer.from("13/QD-UBND"), hex: false, start: 0, end: 0 });
  d.set("AP", { t: "dict", v: new Map([["N", { t: "ref", num: stream, gen: 0 }]]) });
  return appendUpdate(pdf, [
    {
      num: stream,
      body: streamBody(
        "<</Type /XObject /Subtype /Form /BBox [0 0 200 20]>>",
        Buffer.from("BT /Helv 12 Tf 2 5 Td (13/QD-UBND) Tj ET"),
      ),
    },
    { num: field.num, body: serializeDict(d) },
  ]);
}

function addComment(pdf: Buffer): Buffer {
  const view = new PdfView(pdf);
  const page = view.pages()[0]!;
  const note = view.nextNumber();
  const d = view.dict(page);
  const annots = view.resolve(d.get("Annots"));
  d.set("Annots", {
    t: "array",
    v: [...(annots.t === "array" ? annots.v : []), { t: "ref", num: note, gen: 0 }],
  });
  return appendUpdate(pdf, [
    {
      num: note,
      body: `<</Type /Annot /Subtype /Text /Rect [72 500 92 520] /Contents (Da xem) /P ${page} 0 R>>`,
    },
    { num: page, body: serializeDict(d) },
  ]);
}

const verdicts = (pdf: Buffer) => verify(pdf).signatures.map((s) => `${s.field}:${s.verdict}`);

describe("changes after a certification signature (DocMDP)", () => {
  it("P=1 refuses form filling", () => {
    const result = verify(fillNumber(certified(1)));
    expect(result.signatures[0]!.verdict).toBe("invalid");
    expect(result.signatures[0]!.reasons.map((r) => r.en).join(" ")).toContain("P=1");
  });

  it("P=2 allows form filling and signing the empty field", () => {
    const filled = fillNumber(certified(2));
    expect(verdicts(filled)).toEqual(["ChungNhan:valid"]);
    const signed = signPdf(filled, {
      field: "ChuKyLanhDao",
      subFilter: "ETSI.CAdES.detached",
      time,
      sign: signedBy("an"),
    });
    expect(verdicts(signed)).toEqual(["ChungNhan:valid", "ChuKyLanhDao:valid"]);
  });

  it("P=2 refuses a new visible signature field, and comments", () => {
    const visible = signPdf(certified(2), {
      field: "KyMoi",
      subFilter: "ETSI.CAdES.detached",
      time,
      rect: [50, 50, 150, 100],
      sign: signedBy("an"),
    });
    expect(verdicts(visible)).toEqual(["ChungNhan:invalid", "KyMoi:valid"]);
    const invisible = signPdf(certified(2), {
      field: "KyAn",
      subFilter: "ETSI.CAdES.detached",
      time,
      sign: signedBy("an"),
    });
    expect(verdicts(invisible)).toEqual(["ChungNhan:valid", "KyAn:valid"]);
    expect(verdicts(addComment(certified(2)))).toEqual(["ChungNhan:invalid"]);
  });

  it("P=3 allows comments", () => {
    expect(verdicts(addComment(certified(3)))).toEqual(["ChungNhan:valid"]);
  });

  it("P=1 still allows validation data and document timestamps (PAdES LTA)", () => {
    const stamped = signPdf(certified(1), {
      field: "DauThoiGian",
      subFilter: "ETSI.RFC3161",
      docTimestamp: true,
      sign: timestampedBy(new Date("2026-01-01T00:00:00Z")),
    });
    const result = verify(stamped);
    expect(result.signatures.map((s) => s.verdict)).toEqual(["valid", "valid"]);
    expect(result.signatures[1]).toMatchObject({
      signer: "Dịch vụ cấp dấu thời gian Liên Thông",
      timestamped: true,
      signingTime: "2026-01-01T00:00:00.000Z",
    });
  });
});

describe("changes after an approval signature", () => {
  it("form filling is allowed, comments are not", () => {
    expect(verdicts(fillNumber(approved()))).toEqual(["PheDuyet:valid"]);
    expect(verdicts(addComment(approved()))).toEqual(["PheDuyet:invalid"]);
  });

  it("a field locked by the signature (FieldMDP) cannot be filled", () => {
    const result = verify(fillNumber(approved("SoVanBan")));
    expect(result.signatures[0]!.verdict).toBe("invalid");
    expect(result.signatures[0]!.reasons.map((r) => r.vi).join(" ")).toContain(
      'trường "SoVanBan" đã bị khóa',
    );
    expect(verdicts(fillNumber(approved("KhacTruong")))).toEqual(["PheDuyet:valid"]);
  });
});
