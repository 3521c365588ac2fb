// The one-page letters behind the demo documents: A4, Liberation Serif (full Vietnamese glyphs),
// laid out as Decree 30 asks (issuer and number on the left, national motto and date on the
// right, subject, body, recipients and signature), so their text layer is searchable.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

export type DemoLetter = {
  issuerName: string;
  /** Number and notation, e.g. `1254/BHXH-QLT`. */
  numberNotation: string;
  place: string;
  /** `yyyy-MM-dd`. */
  date: string;
  /** The type's title (KẾ HOẠCH, QUYẾT ĐỊNH...); none for a công văn, which carries "V/v" instead. */
  typeTitle: string | null;
  subject: string;
  body: string;
  signature: string[];
  signerName: string;
  /** The receiving organisation. */
  recipient: string;
};

const FONT_DIR = path.join(process.cwd(), "server", "pdf", "fonts");
let fontBytes: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;

function fonts() {
  fontBytes ??= {
    regular: readFileSync(path.join(FONT_DIR, "LiberationSerif-Regular.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "LiberationSerif-Bold.ttf")),
    italic: readFileSync(path.join(FONT_DIR, "LiberationSerif-Italic.ttf")),
  };
  return fontBytes;
}

// One parse of each font serves every letter: fontkit's fonts are read-only once loaded.
const parsed = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      parsed.set(buffer, font);
    }
    return font;
  },
};

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const LEFT = 30 * MM;
const RIGHT = PAGE.width - 15 * MM;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

type Writer = (
  text: string,
  o: { x: number; y: number; size: number; font: PDFFont; center?: boolean },
) => void;

const writerFor =
  (page: PDFPage): Writer =>
  (text, { x, y, size, font, center }) => {
    const dx = center ? font.widthOfTextAtSize(text, size) / 2 : 0;
    page.drawText(text, { x: x - dx, y, size, font, color: rgb(0, 0, 0) });
  };

export async function renderDemoLetter(letter: DemoLetter): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  pdf.setTitle(letter.subject);
  pdf.setCreationDate(new Date(`${letter.date}T09:00:00+07:00`));
  const bytes = fonts();
  const regular = await pdf.embedFont(bytes.regular, { subset: true });
  const bold = await pdf.embedFont(bytes.bold, { subset: true });
  const italic = await pdf.embedFont(bytes.italic, { subset: true });
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const write = writerFor(page);

  // The header's two blocks keep apart: the issuer's within 20-94 mm, the motto's right of it.
  const leftCentre = 57 * MM;
  const rightCentre = RIGHT - 47 * MM;
  let y = PAGE.height - 22 * MM;
  const issuerLines = wrap(letter.issuerName.toUpperCase(), bold, 11.5, 66 * MM);
  issuerLines.forEach((line, i) =>
    write(line, { x: leftCentre, y: y - i * 14, size: 11.5, font: bold, center: true }),
  );
  write("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {
    x: rightCentre,
    y,
    size: 12,
    font: bold,
    center: true,
  });
  write("Độc lập - Tự do - Hạnh phúc", {
    x: rightCentre,
    y: y - 15,
    size: 13,
    font: bold,
    center: true,
  });
  page.drawLine({
    start: { x: rightCentre - 55, y: y - 23 },
    end: { x: rightCentre + 55, y: y - 23 },
    thickness: 0.6,
  });
  y -= Math.max(issuerLines.length, 2) * 14 + 10;
  write(`Số: ${letter.numberNotation}`, {
    x: leftCentre,
    y,
    size: 13,
    font: regular,
    center: true,
  });
  const [yyyy, mm, dd] = letter.date.split("-");
  write(`${letter.place}, ngày ${dd} tháng ${mm} năm ${yyyy}`, {
    x: rightCentre,
    y,
    size: 13,
    font: italic,
    center: true,
  });
  y -= 18;
  if (!letter.typeTitle) {
    for (const line of wrap(letter.subject, regular, 12, 75 * MM)) {
      write(line, { x: leftCentre, y, size: 12, font: regular, center: true });
      y -= 15;
    }
  }
  y -= 16;
  if (letter.typeTitle) {
    write(letter.typeTitle, { x: PAGE.width / 2 + 7 * MM, y, size: 14, font: bold, center: true });
    y -= 18;
    for (const line of wrap(letter.subject, bold, 14, RIGHT - LEFT - 20 * MM)) {
      write(line, { x: PAGE.width / 2 + 7 * MM, y, size: 14, font: bold, center: true });
      y -= 18;
    }
    y -= 6;
  }
  for (const line of wrap(`Kính gửi: ${letter.recipient}.`, regular, 14, RIGHT - LEFT)) {
    write(line, { x: PAGE.width / 2 + 7 * MM, y, size: 14, font: regular, center: true });
    y -= 18;
  }
  y -= 10;
  for (const paragraph of letter.body.split("\n")) {
    const lines = wrap(paragraph, regular, 14, RIGHT - LEFT - 10 * MM);
    lines.forEach((line, i) => {
      write(line, { x: LEFT + (i === 0 ? 10 * MM : 0), y, size: 14, font: regular });
      y -= 19;
    });
    y -= 4;
  }
  y -= 16;
  write("Nơi nhận:", { x: LEFT, y, size: 12, font: bold });
  write("- Như trên;", { x: LEFT, y: y - 14, size: 11, font: regular });
  write("- Lưu: VT.", { x: LEFT, y: y - 27, size: 11, font: regular });
  letter.signature.forEach((line, i) =>
    write(line, { x: rightCentre, y: y - i * 16, size: 13, font: bold, center: true }),
  );
  write(letter.signerName, {
    x: rightCentre,
    y: y - letter.signature.length * 16 - 60,
    size: 13,
    font: bold,
    center: true,
  });
  return pdf.save();
}
