// The outgoing document as a reader sees it: poppler's text and positions, pdf.js's fonts, qpdf's
// verdict, and pictures of page 1 and the last page left in the temporary folder to look at.
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_WIDTH, FIRST_LINE_INDENT, LEFT_COLUMN, MARGINS, PAGE } from "./geometry";
import {
  flatText,
  lineStarting,
  OUT_DIR,
  pageLines,
  run,
  runFonts,
  saveTo,
  type TextLine,
} from "./pdf-tools";
import { renderOutgoingPdf } from "./render";
import { decisionDraft, letterDraft, longLetter, paragraph } from "./test-drafts";

const CENTRE = MARGINS.left + CONTENT_WIDTH / 2;
const RIGHT_EDGE = MARGINS.left + CONTENT_WIDTH;
const centreOf = (l: { xMin: number; xMax: number }) => (l.xMin + l.xMax) / 2;

/** Page 1 and the last page as 60 dpi pictures in the temporary folder. */
function pictures(file: string, pages: number): string[] {
  const base = file.replace(/\.pdf$/, "");
  return [1, pages].map((page) => {
    run("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      `${page}`,
      "-l",
      `${page}`,
      "-singlefile",
      file,
      `${base}-p${page}`,
    ]);
    return `${base}-p${page}.png`;
  });
}

describe("a công văn", () => {
  let bytes: Uint8Array;
  let file: string;
  let lines: TextLine[];
  let layout: Awaited<ReturnType<typeof renderOutgoingPdf>>["layout"];

  beforeAll(async () => {
    ({ pdf: bytes, layout } = await renderOutgoingPdf(letterDraft));
    file = saveTo("cong-van.pdf", bytes);
    lines = pageLines(file, 1);
    pictures(file, layout.pageCount);
  });

  it("passes qpdf --check", () => {
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors found/);
  });

  it("prints every part of the Decree 30 letter with its diacritics", () => {
    const text = flatText(file);
    for (const part of [
      "UBND QUẬN HOÀNG MAI",
      "ỦY BAN NHÂN DÂN",
      "PHƯỜNG ĐỊNH CÔNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: ……/UBND-VP",
      "Định Công, ngày …… tháng …… năm 20…",
      "V/v triển khai công tác chuyển đổi số",
      "Kính gửi: - Các tổ dân phố;",
      "- Công an phường Định Công.",
      "Ủy ban nhân dân phường Định Công đề nghị các đơn vị triển khai",
      "Nơi nhận:",
      "- Như trên;",
      "- UBND quận Hoàng Mai (để b/c);",
      "- Lưu: VT, VP.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "Nguyễn Đức Thắng",
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain("QUYẾT ĐỊNH");
  });

  it("sets the header in two columns: issuer and number left, motto and date right", () => {
    const issuer = lineStarting(lines, "ỦY BAN NHÂN DÂN");
    const nation = lineStarting(lines, "CỘNG HÒA");
    const number = lineStarting(lines, "Số:");
    const date = lineStarting(lines, "Định Công,");
    const letterSubject = lineStarting(lines, "V/v");
    expect(centreOf(issuer)).toBeCloseTo(MARGINS.left + LEFT_COLUMN / 2, 0);
    expect(centreOf(nation)).toBeCloseTo(
      MARGINS.left + LEFT_COLUMN + (RIGHT_EDGE - MARGINS.left - LEFT_COLUMN) / 2,
      0,
    );
    expect(number.xMax).toBeLessThan(MARGINS.left + LEFT_COLUMN);
    expect(date.xMin).toBeGreaterThan(MARGINS.left + LEFT_COLUMN);
    // The number and the date share a line; "V/v" sits under the number.
    expect(Math.abs(number.yMax - date.yMax)).toBeLessThan(2);
    expect(letterSubject.yMin).toBeGreaterThan(number.yMax - 1);
    expect(nation.yMin).toBeLessThan(number.yMin);
  });

  it("justifies the body with a first-line indent and keeps the drafter's alignments", () => {
    const first = lineStarting(lines, "Thực hiện Kế hoạch");
    const second = lines[lines.indexOf(first) + 1]!;
    expect(first.xMin).toBeCloseTo(MARGINS.left + FIRST_LINE_INDENT, 0);
    expect(first.xMax).toBeCloseTo(RIGHT_EDGE, 0);
    expect(second.xMin).toBeCloseTo(MARGINS.left, 0);
    expect(second.xMax).toBeCloseTo(RIGHT_EDGE, 0);
    expect(centreOf(lineStarting(lines, "Đoạn căn giữa"))).toBeCloseTo(CENTRE, 0);
    expect(lineStarting(lines, "Đoạn căn phải").xMax).toBeCloseTo(RIGHT_EDGE, 0);
  });

  it("prints lists with dashes and numbers, the table's cells, and a hard break", () => {
    const text = flatText(file);
    for (const part of [
      "- Rà soát, cập nhật danh mục thiết bị",
      "- Hoàn thành việc số hóa hồ sơ",
      "1. Văn phòng chủ trì tổng hợp;",
      "2. Các tổ dân phố phối hợp thực hiện.",
      "STT",
      "Nội dung",
      "Thời hạn",
      "Báo cáo kết quả rà soát",
      "15/01/2026",
      "Tổng hợp, đề xuất nhu cầu kinh phí",
    ]) {
      expect(text).toContain(part);
    }
    expect(lineStarting(lines, "Dòng sau ngắt dòng cứng.").xMin).toBeCloseTo(MARGINS.left, 0);
    // Header cells centred over their column, body cells from its left edge; "STT" and the
    // dates as wide as their text.
    const header = lines.find((l) => l.text === "Nội dung")!;
    const cell = lineStarting(lines, "Báo cáo kết quả rà soát");
    expect(centreOf(header) - centreOf(cell)).toBeGreaterThan(50);
    expect(Math.abs(cell.xMin - lineStarting(lines, "Tổng hợp, đề xuất").xMin)).toBeLessThan(0.5);
    expect(lineStarting(lines, "STT").xMin).toBeCloseTo(MARGINS.left + 4.5, 0);
  });

  it("draws each run in its face: bold, italic, bold italic, regular", async () => {
    const fonts = await runFonts(bytes, 1);
    expect(fonts.get("in đậm")).toBe("LiberationSerif-Bold");
    expect(fonts.get("in nghiêng")).toBe("LiberationSerif-Italic");
    expect(fonts.get("Nơi nhận:")).toBe("LiberationSerif-BoldItalic");
    expect(fonts.get("Nguyễn Đức Thắng")).toBe("LiberationSerif-Bold");
    expect(fonts.get("Định Công,")).toBe("LiberationSerif-Italic");
    expect(fonts.get("STT")).toBe("LiberationSerif-Bold");
    expect(fonts.get("Báo cáo kết quả rà soát")).toBe("LiberationSerif");
  });

  it("puts the number's and the date's fields right after the static text, on its line", () => {
    const top = (r: { y: number; height: number }) => ({
      yMin: PAGE.height - r.y - r.height,
      yMax: PAGE.height - r.y,
    });
    const so = lineStarting(lines, "Số:").words[0]!;
    const n = layout.fields.number;
    expect(so.text).toBe("Số:");
    expect(n.rect.x - so.xMax).toBeGreaterThan(0);
    expect(n.rect.x - so.xMax).toBeLessThan(5);
    expect((so.yMin + so.yMax) / 2).toBeGreaterThan(top(n.rect).yMin);
    expect((so.yMin + so.yMax) / 2).toBeLessThan(top(n.rect).yMax);
    const place = lineStarting(lines, "Định Công,").words[1]!;
    const d = layout.fields.date;
    expect(place.text).toBe("Công,");
    expect(d.rect.x - place.xMax).toBeGreaterThan(0);
    expect(d.rect.x - place.xMax).toBeLessThan(5);
    expect((place.yMin + place.yMax) / 2).toBeGreaterThan(top(d.rect).yMin);
    expect((place.yMin + place.yMax) / 2).toBeLessThan(top(d.rect).yMax);
  });

  it("puts the signature between the authority lines and the name, centred over the name", () => {
    const lastPage = pageLines(file, layout.pageCount);
    const title = lineStarting(lastPage, "CHỦ TỊCH");
    const name = lineStarting(lastPage, "Nguyễn Đức Thắng");
    const sig = layout.fields.leader.rect;
    expect(layout.fields.leader.pageIndex).toBe(layout.pageCount - 1);
    expect(title.yMax).toBeLessThan(PAGE.height - sig.y - sig.height);
    expect(name.yMin).toBeGreaterThan(PAGE.height - sig.y);
    expect(sig.x + sig.width / 2).toBeCloseTo(centreOf(name), 0);
  });
});

describe("a quyết định", () => {
  let file: string;
  let lines: TextLine[];

  beforeAll(async () => {
    const { pdf, layout } = await renderOutgoingPdf(decisionDraft);
    file = saveTo("quyet-dinh.pdf", pdf);
    lines = pageLines(file, 1);
    pictures(file, layout.pageCount);
  });

  it("prints the type name and the subject centred under the header, and no V/v", () => {
    const name = lineStarting(lines, "QUYẾT ĐỊNH");
    const subject = lineStarting(lines, "Về việc thành lập Tổ công tác");
    expect(name.text).toBe("QUYẾT ĐỊNH");
    expect(centreOf(name)).toBeCloseTo(CENTRE, 0);
    expect(centreOf(subject)).toBeCloseTo(CENTRE, 0);
    expect(subject.yMin).toBeGreaterThan(name.yMax - 1);
    expect(name.yMin).toBeGreaterThan(lineStarting(lines, "Số:").yMax);
    const text = flatText(file);
    expect(text).toContain("Số: ……/QĐ-UBND");
    expect(text).not.toContain("V/v");
    expect(text).not.toContain("Kính gửi");
    expect(text).toContain("KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
  });

  it("stamps KHẨN in red under the number", async () => {
    const mark = lineStarting(lines, "KHẨN");
    expect(mark.yMin).toBeGreaterThan(lineStarting(lines, "Số:").yMax);
    expect(mark.xMax).toBeLessThan(MARGINS.left + LEFT_COLUMN);
    // 60 dpi: points × 60/72. The stamp's pixels are red, not black.
    const scale = 60 / 72;
    const { data, info } = await sharp(path.join(OUT_DIR, "quyet-dinh-p1.png"))
      .extract({
        left: Math.floor((mark.xMin - 12) * scale),
        top: Math.floor((mark.yMin - 4) * scale),
        width: Math.ceil((mark.xMax - mark.xMin + 24) * scale),
        height: Math.ceil((mark.yMax - mark.yMin + 8) * scale),
      })
      .raw()
      .toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i]! > 180 && data[i + 1]! < 90 && data[i + 2]! < 90) red++;
    }
    expect(red).toBeGreaterThan(40);
  });
});

describe("a letter with long names, no parent body and both stamps", () => {
  let lines: TextLine[];
  let file: string;
  let layout: Awaited<ReturnType<typeof renderOutgoingPdf>>["layout"];

  beforeAll(async () => {
    let pdf: Uint8Array;
    ({ pdf, layout } = await renderOutgoingPdf({
      ...letterDraft,
      issuer: { parentName: null, name: "Sở Tài nguyên và Môi trường Thành phố Hồ Chí Minh" },
      placeName: "Thành phố Hồ Chí Minh",
      notation: "STNMT-VP",
      confidentiality: "secret",
      urgency: "flash",
      recipients: ["Ủy ban nhân dân quận Hoàng Mai"],
      signature: {
        authority: "none",
        onBehalfOf: null,
        title: "Giám đốc",
        signerName: "Lê Văn Nam",
      },
    }));
    file = saveTo("cong-van-ten-dai.pdf", pdf);
    lines = pageLines(file, 1);
  });

  it("keeps the issuer in the left column and the date line inside the right margin", () => {
    const issuer = lines.filter(
      (l) => l.yMax < lineStarting(lines, "Số:").yMin && l.xMax < MARGINS.left + LEFT_COLUMN,
    );
    expect(issuer.map((l) => l.text).join(" ")).toBe(
      "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG THÀNH PHỐ HỒ CHÍ MINH",
    );
    for (const line of issuer) expect(line.xMin).toBeGreaterThanOrEqual(MARGINS.left);
    const date = lineStarting(lines, "Thành phố Hồ Chí Minh,");
    expect(date.text).toBe("Thành phố Hồ Chí Minh, ngày … tháng … năm 20…");
    expect(date.xMax).toBeLessThanOrEqual(RIGHT_EDGE + 0.5);
    expect(layout.fields.date.fontSize).toBe(13);
    expect(layout.fields.date.rect.x + layout.fields.date.rect.width).toBeLessThanOrEqual(
      RIGHT_EDGE + 0.01,
    );
  });

  it("stamps the secrecy above the urgency, names one addressee on the line, signs without prefix", () => {
    const secret = lineStarting(lines, "TỐI MẬT");
    const flash = lineStarting(lines, "HỎA TỐC");
    expect(secret.yMax).toBeLessThan(flash.yMin);
    expect(lineStarting(lines, "Kính gửi:").text).toBe("Kính gửi: Ủy ban nhân dân quận Hoàng Mai");
    expect(flatText(file)).toMatch(/GIÁM ĐỐC .*Lê Văn Nam/);
    expect(flatText(file)).not.toMatch(/(TM|KT|TL|TUQ|Q)\. GIÁM ĐỐC/);
  });
});

describe("a long body", () => {
  let file: string;
  let pages: number;
  let leaderPage: number;

  beforeAll(async () => {
    const { pdf, layout } = await renderOutgoingPdf(longLetter(3));
    file = saveTo("cong-van-dai.pdf", pdf);
    pages = layout.pageCount;
    leaderPage = layout.fields.leader.pageIndex;
    pictures(file, pages);
  });

  it("flows onto further pages numbered from 2, centred in the top margin", () => {
    expect(pages).toBeGreaterThanOrEqual(3);
    const first = pageLines(file, 1)[0]!;
    expect(first.text).toBe("UBND QUẬN HOÀNG MAI");
    for (let page = 2; page <= pages; page++) {
      const top = pageLines(file, page)[0]!;
      expect(top.text).toBe(String(page));
      expect(centreOf(top)).toBeCloseTo(CENTRE, 0);
      expect(top.yMax).toBeLessThan(MARGINS.top);
    }
  });

  it("puts the signature fields on the last page, with the closing block", () => {
    expect(leaderPage).toBe(pages - 1);
    expect(flatText(file, pages)).toContain("Nơi nhận:");
  });
});

describe("the closing block", () => {
  const filler =
    "Ủy ban nhân dân phường đề nghị các đơn vị, tổ dân phố nghiêm túc quán triệt, tổ chức thực hiện đầy đủ các nội dung đã được giao, bảo đảm tiến độ và chất lượng.";

  it("is never split, nor left with less than two lines of the body above it", async () => {
    // From bodies that end high on page 1 to ones that end at the foot of page 2; each ends
    // with a heading and a one-line paragraph, which stay together.
    for (let n = 6; n <= 24; n++) {
      const content = Array.from({ length: n }, (_, i) => paragraph(`Đoạn ${i + 1}. ${filler}`));
      content.push(
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Kết luận" }] },
        paragraph("Đề nghị các đơn vị thực hiện./."),
      );
      const { pdf, layout } = await renderOutgoingPdf({
        ...letterDraft,
        body: { type: "doc", content },
      });
      const file = saveTo("khoi-ky.pdf", pdf);
      const last = pageLines(file, layout.pageCount);
      const copies = lineStarting(last, "Nơi nhận:");
      const name = lineStarting(last, "Nguyễn Đức Thắng");
      expect(layout.fields.leader.pageIndex, `${n} paragraphs`).toBe(layout.pageCount - 1);
      expect(lineStarting(last, "- Lưu: VT, VP.").yMin).toBeGreaterThan(copies.yMin);
      expect(name.yMin).toBeGreaterThan(copies.yMin);
      const bodyAbove = last.filter(
        (l) => l.yMax < copies.yMin && l.text !== String(layout.pageCount),
      );
      expect(bodyAbove.length, `${n} paragraphs`).toBeGreaterThanOrEqual(2);
      const heading = last.findIndex((l) => l.text === "Kết luận");
      expect(heading, `${n} paragraphs: the heading with the last paragraph`).toBeGreaterThan(-1);
      expect(last[heading + 1]!.text).toBe("Đề nghị các đơn vị thực hiện./.");
    }
  }, 60_000);
});
