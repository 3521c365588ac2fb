// Drafts the outgoing renderer's tests print: a ward's công văn, a quyết định, a long body.
import type { OutgoingDraftForPdf, TiptapNode } from "./draft";

const text = (value: string, marks: string[] = []): TiptapNode => ({
  type: "text",
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
});

export const paragraph = (
  content: TiptapNode[] | string,
  textAlign?: "left" | "center" | "right" | "justify",
): TiptapNode => ({
  type: "paragraph",
  ...(textAlign ? { attrs: { textAlign } } : {}),
  content: typeof content === "string" ? [text(content)] : content,
});

const item = (value: string): TiptapNode => ({ type: "listItem", content: [paragraph(value)] });

const cell = (
  value: string,
  type = "tableCell",
  attrs: Record<string, unknown> = {},
): TiptapNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
  content: [paragraph(value)],
});

export const letterBody: TiptapNode = {
  type: "doc",
  content: [
    paragraph(
      "Thực hiện Kế hoạch số 120/KH-UBND ngày 10 tháng 12 năm 2025 của Ủy ban nhân dân quận Hoàng Mai về công tác chuyển đổi số năm 2026, Ủy ban nhân dân phường Định Công đề nghị các đơn vị triển khai một số nội dung sau:",
    ),
    {
      type: "heading",
      attrs: { level: 2, textAlign: "left" },
      content: [text("1. Về hạ tầng và dữ liệu")],
    },
    {
      type: "bulletList",
      content: [
        item("Rà soát, cập nhật danh mục thiết bị đầu cuối của cán bộ, công chức;"),
        item(
          "Hoàn thành việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trước ngày 30/6/2026.",
        ),
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1 },
      content: [item("Văn phòng chủ trì tổng hợp;"), item("Các tổ dân phố phối hợp thực hiện.")],
    },
    paragraph([
      text("Nội dung "),
      text("in đậm", ["bold"]),
      text(", "),
      text("in nghiêng", ["italic"]),
      text(" và "),
      text("gạch chân", ["underline"]),
      text(" được giữ nguyên."),
      { type: "hardBreak" },
      text("Dòng sau ngắt dòng cứng."),
    ]),
    paragraph("Đoạn căn giữa", "center"),
    paragraph("Đoạn căn phải", "right"),
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            cell("STT", "tableHeader"),
            cell("Nội dung", "tableHeader"),
            cell("Thời hạn", "tableHeader"),
          ],
        },
        {
          type: "tableRow",
          content: [cell("1"), cell("Báo cáo kết quả rà soát"), cell("15/01/2026")],
        },
        {
          type: "tableRow",
          content: [
            cell("2"),
            cell("Tổng hợp, đề xuất nhu cầu kinh phí", "tableCell", { colspan: 2 }),
          ],
        },
      ],
    },
    paragraph(
      "Đề nghị các đơn vị quan tâm, phối hợp thực hiện; trong quá trình triển khai nếu có vướng mắc, liên hệ Văn phòng Ủy ban nhân dân phường để được hướng dẫn./.",
    ),
  ],
};

export const letterDraft: OutgoingDraftForPdf = {
  issuer: { parentName: "UBND QUẬN HOÀNG MAI", name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG" },
  placeName: "Định Công",
  documentType: { code: "cong_van", name: "Công văn" },
  notation: "UBND-VP",
  subject: "triển khai công tác chuyển đổi số năm 2026",
  body: letterBody,
  urgency: "normal",
  confidentiality: "normal",
  recipients: ["Các tổ dân phố", "Công an phường Định Công"],
  copiesTo: ["Như trên", "UBND quận Hoàng Mai (để b/c)", "Chủ tịch, các PCT UBND phường"],
  archiveUnit: "VP",
  signature: {
    authority: "TM",
    onBehalfOf: "ỦY BAN NHÂN DÂN",
    title: "CHỦ TỊCH",
    signerName: "Nguyễn Đức Thắng",
  },
  now: new Date("2026-01-05T02:15:30Z"),
};

export const decisionDraft: OutgoingDraftForPdf = {
  ...letterDraft,
  documentType: { code: "quyet_dinh", name: "Quyết định" },
  notation: "QĐ-UBND",
  subject: "Về việc thành lập Tổ công tác chuyển đổi số phường Định Công năm 2026",
  urgency: "urgent",
  recipients: [],
  copiesTo: ["Như Điều 3", "UBND quận Hoàng Mai (để b/c)"],
  signature: {
    authority: "KT",
    onBehalfOf: "CHỦ TỊCH",
    title: "PHÓ CHỦ TỊCH",
    signerName: "Trần Thị Minh Hương",
  },
  body: {
    type: "doc",
    content: [
      paragraph([text("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG", ["bold"])], "center"),
      paragraph([
        text("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", ["italic"]),
      ]),
      paragraph([text("Theo đề nghị của Chánh Văn phòng.", ["italic"])]),
      paragraph([text("QUYẾT ĐỊNH:", ["bold"])], "center"),
      paragraph([
        text("Điều 1. ", ["bold"]),
        text("Thành lập Tổ công tác chuyển đổi số phường Định Công năm 2026."),
      ]),
      paragraph([text("Điều 2. ", ["bold"]), text("Quyết định này có hiệu lực kể từ ngày ký.")]),
      paragraph([
        text("Điều 3. ", ["bold"]),
        text(
          "Chánh Văn phòng, các thành viên Tổ công tác và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ),
      ]),
    ],
  },
};

/** A công văn whose body runs to about `pages` pages. */
export function longLetter(pages: number): OutgoingDraftForPdf {
  const filler =
    "Ủy ban nhân dân phường đề nghị các đơn vị, tổ dân phố nghiêm túc quán triệt, tổ chức thực hiện đầy đủ các nội dung đã được giao, bảo đảm tiến độ và chất lượng, kịp thời báo cáo những khó khăn, vướng mắc phát sinh trong quá trình thực hiện để được hướng dẫn, tháo gỡ.";
  const content: TiptapNode[] = [];
  for (let i = 1; i <= pages * 8; i++) content.push(paragraph(`${i}. ${filler}`));
  return { ...letterDraft, body: { type: "doc", content } };
}
