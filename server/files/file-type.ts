/**
 * Which files a document may carry, decided from the first bytes rather than from what the
 * browser declares: the main text as PDF, and attachments in the office and image formats that
 * public bodies exchange. The extension must agree with the content, so that a program renamed
 * `.docx` is refused; distinguishing a .docx from any other ZIP would need to unpack it, which
 * is not worth doing at upload for files that only ever leave the system as downloads.
 */
type Family = { magic: readonly number[]; extensions: Record<string, string> };

const PDF_MIME = "application/pdf";
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const families: Family[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04], // ZIP: OOXML and OpenDocument are ZIP containers
    extensions: {
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      odt: "application/vnd.oasis.opendocument.text",
      ods: "application/vnd.oasis.opendocument.spreadsheet",
      zip: "application/zip",
    },
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: Word 97 and Excel 97
    extensions: { doc: "application/msword", xls: "application/vnd.ms-excel" },
  },
  { magic: [0xff, 0xd8, 0xff], extensions: { jpg: "image/jpeg", jpeg: "image/jpeg" } },
  {
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    extensions: { png: "image/png" },
  },
];

/** How many leading bytes `detectFileType` needs. */
export const SNIFF_BYTES = 8;

export const isPdfMime = (mimeType: string) => mimeType === PDF_MIME;

export type DetectedType =
  | { ok: true; mimeType: string; isPdf: boolean; fileName: string }
  | { ok: false; key: "files.typeNotAllowed" | "files.brokenPdf" };

const startsWith = (head: Uint8Array, magic: readonly number[]) =>
  head.length >= magic.length && magic.every((b, i) => head[i] === b);

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/**
 * The type of an upload from its first bytes and its name. A PDF is accepted whatever it is
 * called (".pdf" is added when missing, so downloads open in a PDF reader); a file that claims
 * to be a PDF but is not one is reported as a broken PDF, which is what the user will recognise.
 */
export function detectFileType(
  head: Uint8Array,
  fileName: string,
  declaredType?: string | null,
): DetectedType {
  const extension = extensionOf(fileName);
  if (startsWith(head, PDF_MAGIC)) {
    return {
      ok: true,
      mimeType: PDF_MIME,
      isPdf: true,
      fileName: extension === "pdf" ? fileName : withExtension(fileName, "pdf"),
    };
  }
  const claimsPdf = extension === "pdf" || declaredType?.split(";")[0]?.trim() === PDF_MIME;
  if (claimsPdf) return { ok: false, key: "files.brokenPdf" };
  const family = families.find((f) => startsWith(head, f.magic));
  const mimeType = family?.extensions[extension];
  if (!mimeType) return { ok: false, key: "files.typeNotAllowed" };
  return { ok: true, mimeType, isPdf: false, fileName };
}

/** The extensions users may upload, for the file picker and the refusal message. */
export const allowedExtensions = ["pdf", ...families.flatMap((f) => Object.keys(f.extensions))];

export const FILE_NAME_MAX = 255;

/**
 * A file name as shown and offered for download: the last path segment, NFC, without control
 * characters, at most 255 characters with its extension kept. Null when nothing is left.
 */
export function cleanFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const name = base
    .normalize("NFC")
    // Control characters, and halves of surrogate pairs, which no file name holds.
    .replace(
      /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      "",
    )
    .replace(/\s+/g, " ");
  const trimmed = name.trim();
  if (!trimmed || trimmed === "." || trimmed === "..") return null;
  return truncateName(trimmed, FILE_NAME_MAX);
}

function withExtension(fileName: string, extension: string): string {
  return truncateName(`${fileName}.${extension}`, FILE_NAME_MAX, extension.length + 1);
}

function truncateName(name: string, max: number, keepTail?: number): string {
  if (name.length <= max) return name;
  const ext = extensionOf(name);
  const tail = keepTail ?? (ext && ext.length <= 10 ? ext.length + 1 : 0);
  const chars = Array.from(name.slice(0, name.length - tail));
  let stem = "";
  for (const c of chars) {
    if (stem.length + c.length > max - tail) break;
    stem += c;
  }
  return stem.trimEnd() + name.slice(name.length - tail);
}
