import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { degrees, PDFDocument } from "pdf-lib";
import { receiveDocumentInput, type ReceiveDocumentFormValues } from "@/lib/schemas/incoming";
import { vietnamToday } from "@/lib/dates";
import { fileBlob, fileUpload } from "@/db/schema/files";
import type { Db } from "@/db/client";
import type { Actor } from "../authz/actor";
import type { DiskFileStore } from "../files/store";
import { receiveDocument } from "../incoming/receive";

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Bytes as the upload service leaves them: in the store, with their blob row and uploader. */
export async function storeBlob(
  db: Db,
  store: DiskFileStore,
  uploader: Actor,
  bytes: Uint8Array,
  mimeType = "application/pdf",
): Promise<string> {
  const sha256 = sha256Of(bytes);
  const temp = await store.tempPath();
  await writeFile(temp, bytes);
  await store.put(sha256, temp);
  await db
    .insert(fileBlob)
    .values({ sha256, size: bytes.length, mimeType, pageCount: null })
    .onConflictDoNothing();
  await db
    .insert(fileUpload)
    .values({ sha256, userId: uploader.userId, organisationId: uploader.organisationId })
    .onConflictDoNothing();
  return sha256;
}

/** A document registered by `clerk` through the reception service, `bytes` as its main PDF. */
export async function receiveWithMainPdf(
  db: Db,
  store: DiskFileStore,
  clerk: Actor,
  bytes: Uint8Array,
  values: Partial<ReceiveDocumentFormValues> & { fileName?: string } = {},
) {
  const { fileName = "van-ban.pdf", ...overrides } = values;
  const sha256 = await storeBlob(db, store, clerk, bytes);
  const form: ReceiveDocumentFormValues = {
    issuerName: "Ủy ban nhân dân quận Hoàng Mai",
    codeNumber: "125",
    codeNotation: "UBND-PCTT",
    documentType: "cong_van",
    subject: "Về việc triển khai phương án phòng, chống lụt bão năm 2026 trên địa bàn phường",
    documentDate: vietnamToday(),
    signerName: "Bùi Xuân Trường",
    pageCount: 2,
    files: [{ sha256, fileName, kind: "main" }],
    // Several test documents share a number: each is another document.
    acknowledgeDuplicate: true,
    ...overrides,
  };
  const received = await receiveDocument(db, clerk, receiveDocumentInput.parse(form));
  return { ...received, sha256 };
}

/** An official letter of `pages` A4 pages with Vietnamese text, page 1 turned by `rotate`. */
export async function letterPdf(options: { pages?: number; rotate?: number } = {}) {
  const { pages = 2, rotate = 0 } = options;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(
    await readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    { subset: true },
  );
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText("ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI", { x: 60, y: 770, size: 12, font });
    page.drawText(`Trang ${n}: đề nghị phường rà soát các điểm ngập úng.`, {
      x: 60,
      y: 600,
      size: 12,
      font,
    });
    if (n === 1 && rotate) page.setRotation(degrees(rotate));
  }
  return pdf.save();
}
