// A printable copy of a document's PDF with the arrival stamp drawn onto its first page. The
// stored original is only read: it may carry signatures, and it stays byte for byte as received.
import "server-only";
import fontkit from "@pdf-lib/fontkit";
import {
  degrees,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import {
  arrivalStampLayout,
  BASELINE_RATIO,
  DEFAULT_STAMP_POSITION,
  STAMP_BACKDROP_OPACITY,
  STAMP_BORDER_WIDTH,
  STAMP_COLOR,
  type ArrivalStampData,
} from "@/lib/arrival-stamp";
import { AppError } from "../errors";
import { fontBytes } from "./fonts";

const INK = rgb(...STAMP_COLOR.rgb);

/**
 * Maps a point given from the top-left corner of the page as it is shown (its rotation applied,
 * within its crop box) to PDF user space, with the angle that makes text upright there.
 */
function viewToPage(page: PDFPage) {
  const box = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const shown =
    rotation % 180 === 0
      ? { width: box.width, height: box.height }
      : { width: box.height, height: box.width };
  const map = (u: number, v: number) => {
    switch (rotation) {
      case 90:
        return { x: box.x + v, y: box.y + u };
      case 180:
        return { x: box.x + box.width - u, y: box.y + v };
      case 270:
        return { x: box.x + box.width - v, y: box.y + box.height - u };
      default:
        return { x: box.x + u, y: box.y + box.height - v };
    }
  };
  return { shown, map, angle: degrees(rotation) };
}

/** The text, cut with an ellipsis where it would run past `maxWidth`. */
function fitted(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join("")}…`, size) > maxWidth) {
    chars.pop();
  }
  return `${chars.join("").trimEnd()}…`;
}

/** Brackets the page's own drawing in q … Q, so a state it leaves behind cannot move the stamp. */
function isolateExistingContent(pdf: PDFDocument, page: PDFPage): void {
  const start = pdf.context.register(pdf.context.contentStream([pushGraphicsState()]));
  const end = pdf.context.register(pdf.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

const broken = () => new AppError("CONFLICT", "prints.brokenPdf");

/**
 * A new PDF: the original with the stamp on page 1 at `position` (points from the top-left
 * corner of the page as shown; kept inside the page). The original bytes are not changed.
 * A file pdf-lib cannot read or draw on is refused as broken, an encrypted one as such.
 */
export async function stampedCopy(
  original: Uint8Array,
  stamp: ArrivalStampData,
  position: { x: number; y: number } = DEFAULT_STAMP_POSITION,
): Promise<Uint8Array> {
  let pdf: PDFDocument;
  try {
    // Read even when encrypted, to tell that apart from a broken file (pdf-lib's own
    // EncryptedPDFError cannot be told apart by its class).
    pdf = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw broken();
  }
  if (pdf.isEncrypted) throw new AppError("CONFLICT", "prints.encryptedPdf");
  try {
    if (pdf.getPageCount() === 0) throw broken();
    await drawStamp(pdf, stamp, position);
    return await pdf.save();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A page tree or page pdf-lib cannot follow: the file's fault, told as such.
    console.warn("Arrival stamp not drawn", error);
    throw broken();
  }
}

async function drawStamp(
  pdf: PDFDocument,
  stamp: ArrivalStampData,
  position: { x: number; y: number },
): Promise<void> {
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(fontBytes("Regular"), { subset: true }),
    pdf.embedFont(fontBytes("Bold"), { subset: true }),
  ]);
  const page = pdf.getPage(0);
  isolateExistingContent(pdf, page);
  const layout = arrivalStampLayout(stamp);
  const { shown, map, angle } = viewToPage(page);
  const left = Math.max(0, Math.min(position.x, shown.width - layout.width));
  const top = Math.max(0, Math.min(position.y, shown.height - layout.height));

  // Rectangles and text are placed by their lower-left corner, turned with the page.
  const corner = map(left, top + layout.height);
  page.drawRectangle({
    ...corner,
    width: layout.width,
    height: layout.height,
    rotate: angle,
    color: rgb(1, 1, 1),
    opacity: STAMP_BACKDROP_OPACITY,
    borderColor: INK,
    borderWidth: STAMP_BORDER_WIDTH,
    borderOpacity: 1,
  });
  for (const line of layout.texts) {
    const font = line.bold ? bold : regular;
    const text = fitted(line.text, font, line.size, line.maxWidth);
    const width = font.widthOfTextAtSize(text, line.size);
    const dx = line.align === "center" ? (line.maxWidth - width) / 2 : 0;
    const baseline = map(left + line.x + dx, top + line.y + line.size * BASELINE_RATIO);
    page.drawText(text, { ...baseline, size: line.size, font, color: INK, rotate: angle });
  }
}
