// What signing refuses, each with its own error code and a message that says why.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { embedSignature, prepareSignature, type SignatureOptions } from "./prepare-signature";
import { PdfSigningError } from "./pdf-signing-error";
import { buildFormPdf, type FormPdf } from "./testing/form-pdf";

const DATE = "ngày 05 tháng 3 năm 2026";

const options = (fieldName: string): SignatureOptions => ({
  fieldName,
  signerName: "Nguyễn Đức Thắng",
  reason: "Phê duyệt",
  location: "Hà Nội",
  signingTime: new Date("2026-03-05T02:15:30Z"),
});

async function refusal(promise: Promise<unknown>): Promise<PdfSigningError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PdfSigningError);
  return error as PdfSigningError;
}

describe("refusals", () => {
  let form: FormPdf;
  beforeAll(async () => {
    form = await buildFormPdf({ texts: [DATE] });
  });

  it("refuses a field the form does not have, naming those it has", async () => {
    const error = await refusal(prepareSignature(form.bytes, options("ChuKyKhac")));
    expect(error.code).toBe("FIELD_NOT_FOUND");
    expect(error.message).toContain('"ChuKyKhac"');
    expect(error.message).toContain("SoKyHieu, NgayBanHanh, LanhDaoKy, DauCoQuan");
  });

  it("refuses to sign a text field", async () => {
    const error = await refusal(prepareSignature(form.bytes, options("SoKyHieu")));
    expect(error.code).toBe("WRONG_FIELD_TYPE");
  });

  it("refuses a field that is already signed", async () => {
    const prepared = await prepareSignature(form.bytes, options("LanhDaoKy"));
    const signed = embedSignature(prepared, Buffer.from([0x30, 0x00]));
    const error = await refusal(prepareSignature(signed, options("LanhDaoKy")));
    expect(error.code).toBe("FIELD_ALREADY_SIGNED");
    // The other field of the same file can still be signed.
    await expect(prepareSignature(signed, options("DauCoQuan"))).resolves.toBeDefined();
  });

  it("embeds a CMS that exactly fills the reservation and refuses one byte more", async () => {
    const prepared = await prepareSignature(form.bytes, {
      ...options("LanhDaoKy"),
      reservedBytes: 1024,
    });
    const error = await refusal(
      Promise.resolve().then(() => embedSignature(prepared, Buffer.alloc(1025, 0xab))),
    );
    expect(error.code).toBe("SIGNATURE_TOO_LARGE");
    expect(error.message).toContain("1025");
    expect(error.message).toContain("1024");
    const [, a, b] = prepared.byteRange;
    const signed = embedSignature(prepared, Buffer.alloc(1024, 0xab));
    expect(Buffer.from(signed.subarray(a, b)).toString("latin1")).toBe(`<${"ab".repeat(1024)}>`);
  });

  it("refuses a PDF whose cross-reference is a stream", async () => {
    const compressed = await buildFormPdf({ texts: [DATE], useObjectStreams: true });
    const error = await refusal(prepareSignature(compressed.bytes, options("LanhDaoKy")));
    expect(error.code).toBe("UNSUPPORTED_PDF");
    expect(error.message).toContain("cross-reference stream");
  });

  it("refuses an encrypted PDF", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pades-encrypted-"));
    try {
      writeFileSync(path.join(dir, "in.pdf"), form.bytes);
      execFileSync("qpdf", [
        "--object-streams=disable",
        "--encrypt",
        "",
        "owner",
        "256",
        "--",
        path.join(dir, "in.pdf"),
        path.join(dir, "out.pdf"),
      ]);
      const encrypted = readFileSync(path.join(dir, "out.pdf"));
      const error = await refusal(prepareSignature(encrypted, options("LanhDaoKy")));
      expect(error.code).toBe("ENCRYPTED_PDF");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a truncated file as damaged", async () => {
    const error = await refusal(
      prepareSignature(form.bytes.subarray(0, form.bytes.length - 200), options("LanhDaoKy")),
    );
    expect(error.code).toBe("BROKEN_PDF");
  });

  it("refuses to centre a text without its width", async () => {
    const error = await refusal(
      prepareSignature(form.bytes, {
        ...options("DauCoQuan"),
        fillTextFields: [{ name: "NgayBanHanh", value: DATE, encodedHex: form.encoded[DATE]!.hex }],
      }),
    );
    expect(error.code).toBe("INVALID_OPTIONS");
  });

  it("refuses an appearance image that is not a PNG", async () => {
    const error = await refusal(
      prepareSignature(form.bytes, {
        ...options("LanhDaoKy"),
        appearance: { images: [{ png: Buffer.from("GIF89a"), rect: [0, 0, 10, 10] }] },
      }),
    );
    expect(error.code).toBe("INVALID_OPTIONS");
  });
});
