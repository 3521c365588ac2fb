// The printed and exported files, checked with tools that are not ours: qpdf and poppler for
// the PDF, exceljs reading the spreadsheet back.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { freshDatabase } from "@/server/testing/test-db";
import { insertRegisteredDocument } from "@/server/testing/documents";
import { answerReportRequest, type ReportKind } from "./download";
import { seedReportFixtures } from "./test-fixtures";

let db: Db;
let f: Awaited<ReturnType<typeof seedReportFixtures>>;
const out = mkdtempSync(path.join(tmpdir(), "lien-thong-reports-"));

beforeAll(async () => {
  ({ db } = await freshDatabase());
  f = await seedReportFixtures(db);
});

// REPORTS_KEEP_OUTPUT=1 keeps the files (and page 1 as a PNG) to look at.
afterAll(() => {
  if (process.env.REPORTS_KEEP_OUTPUT) console.info(`Report files kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
});

const routes: Record<ReportKind, string> = {
  incomingBook: "registry-book",
  followUpBook: "follow-up-book",
  outgoingBook: "outgoing-book",
  handling: "handling",
};

function download(
  username: string | null,
  kind: ReportKind,
  query: string,
  locale: "vi" | "en" = "vi",
) {
  const request = new Request(`http://localhost/api/reports/${routes[kind]}?${query}`, {
    headers: { cookie: `NEXT_LOCALE=${locale}` },
  });
  const session = username ? { userId: f.users[username]!, sessionEpoch: 1 } : null;
  return answerReportRequest(db, session, request, kind);
}

async function saved(response: Response, name: string): Promise<string> {
  expect(response.status).toBe(200);
  const file = path.join(out, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

describe("registry book PDF", () => {
  let pdf: string;

  beforeAll(async () => {
    const response = await download(
      "vanthu.dc",
      "incomingBook",
      "from=2025-12-01&to=2026-03-31&format=pdf",
    );
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="So dang ky van ban den 01-12-2025 den 31-03-2026.pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent("Sổ đăng ký văn bản đến 01-12-2025 đến 31-03-2026.pdf")}`,
    );
    pdf = await saved(response, "so-dang-ky-van-ban-den.pdf");
  });

  it("is a well-formed PDF (qpdf --check)", () => {
    expect(run("qpdf", ["--check", pdf])).toMatch(/No syntax or stream encoding errors found/);
  });

  it("carries the Vietnamese title, the organisation, every column header and the rows' text", () => {
    const text = run("pdftotext", ["-layout", pdf, "-"]);
    expect(text).toContain("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
    expect(text).toContain("ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG");
    expect(text).toContain("Sổ: Sổ văn bản đến");
    expect(text).toContain("Từ ngày 01/12/2025 đến ngày 31/03/2026");
    // Long headers wrap inside their cells; these fit on one line.
    for (const header of ["Ngày đến", "Số đến", "Số, ký hiệu", "Ký nhận", "Ghi chú"]) {
      expect(text).toContain(header);
    }
    expect(text).toContain("Sở Tài chính");
    expect(text).toContain("318/STC-NS");
    expect(text).toMatch(/\b300\b/);
    expect(text).toContain("05/03/2026");
    expect(text).toContain("Trang 1/");
    // The secret document numbered by mistake in the ordinary registry is not printed.
    expect(text).not.toContain("Tài liệu mật");
  });

  it("embeds Liberation Serif, so Vietnamese prints the same everywhere", () => {
    const fonts = run("pdffonts", [pdf]);
    const serif = fonts.split("\n").filter((line) => line.includes("LiberationSerif"));
    expect(serif.length).toBeGreaterThanOrEqual(2); // regular and bold
    for (const line of serif) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it("renders page 1 to an image (for a look at the layout)", () => {
    run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, path.join(out, "page")]);
    const info = run("pdfinfo", [pdf]);
    // A4 landscape: 842 x 595 points.
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });

  it("repeats the column headers on every page of a long book, numbered x/y", async () => {
    for (let n = 1; n <= 70; n++) {
      await insertRegisteredDocument(db, {
        organisationId: f.orgs.dinhcong!,
        createdById: f.users["vanthu.dc"]!,
        registryId: f.registries.incoming,
        registryPeriod: "2026",
        registryNumber: 100 + n,
        arrivalDate: "2026-05-04",
        issuerName: `Trường Tiểu học Định Công số ${n}`,
        subject: "Về việc đăng ký danh sách học sinh tham gia hội khỏe Phù Đổng",
      });
    }
    const file = await saved(
      await download("vanthu.dc", "incomingBook", "from=2026-05-01&to=2026-05-31&format=pdf"),
      "dai.pdf",
    );
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = run("pdftotext", ["-layout", "-f", `${page}`, "-l", `${page}`, file, "-"]);
      expect(text).toContain("Tên loại và trích yếu nội dung");
      expect(text).toContain(`Trang ${page}/${pages}`);
    }
    const all = run("pdftotext", ["-layout", file, "-"]);
    // Every arrival number is printed, the last one included.
    for (const n of [101, 135, 170]) expect(all).toMatch(new RegExp(`\\b${n}\\b`));
  });
});

describe("follow-up book and handling report PDFs", () => {
  it("print the follow-up book with progress and the reply's number", async () => {
    const file = await saved(
      await download("chutich.dc", "followUpBook", "from=2026-03-01&to=2026-03-31&format=pdf"),
      "theo-doi.pdf",
    );
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors/);
    const text = run("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN");
    expect(text).toContain("05/UBND-VP");
    expect(text).toContain("Đang xử lý, quá hạn");
  });

  it("print the handling report with its totals, in English when asked", async () => {
    const file = await saved(
      await download("chutich.dc", "handling", "from=2026-03-01&to=2026-03-31&format=pdf", "en"),
      "handling.pdf",
    );
    const text = run("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("INCOMING DOCUMENT HANDLING REPORT");
    expect(text).toContain("Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(text).toMatch(/Total\s+8\s+2\s+1\s+2\s+1\s+2/);
  });
});

describe("spreadsheets", () => {
  async function workbook(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book.worksheets[0]!;
  }

  it("exports the registry book: bold frozen headers, dates as dates, every row", async () => {
    const sheet = await workbook(
      await download("vanthu.dc", "incomingBook", "from=2026-03-01&to=2026-03-31&format=xlsx"),
    );
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Ngày đến",
      "Số đến",
      "Tác giả (cơ quan ban hành)",
      "Số, ký hiệu",
      "Ngày tháng văn bản",
      "Tên loại và trích yếu nội dung",
      "Đơn vị hoặc người nhận",
      "Ngày chuyển",
      "Ký nhận",
      "Ghi chú",
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + 6);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(first.getCell(1).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(3).value).toBe("Ủy ban nhân dân quận Hoàng Mai");
    expect(first.getCell(4).value).toBe("15/QĐ-UBND");
    expect(first.getCell(6).value).toBe(
      "Quyết định: Về việc kiện toàn Ban chỉ đạo chuyển đổi số phường",
    );
    expect(first.getCell(7).value).toBe(
      "Phòng Kinh tế, Hạ tầng và Đô thị (chủ trì)\nPhối hợp: Phòng Văn hóa - Xã hội, Lê Minh Tuấn",
    );
    expect(first.getCell(8).value).toEqual(new Date(Date.UTC(2026, 2, 3)));
    expect(sheet.getColumn(6).width).toBe(50);
  });

  it("exports the follow-up book and the handling report", async () => {
    const followUp = await workbook(
      await download("vanthu.dc", "followUpBook", "from=2026-03-01&to=2026-03-31&format=xlsx"),
    );
    expect(followUp.getRow(1).getCell(4).value).toBe("Hạn giải quyết nội bộ");
    expect(followUp.getRow(1).getCell(5).value).toBe("Hạn theo văn bản");
    expect(followUp.getRow(1).getCell(6).value).toBe("Tiến độ giải quyết");
    const third = followUp.getRow(4);
    expect(third.getCell(1).value).toBe(3);
    expect(third.getCell(3).value).toBe(
      "Phòng Văn hóa - Xã hội (chủ trì)\n" +
        "Phối hợp: Phòng Kinh tế, Hạ tầng và Đô thị (khép lại khi chưa xong)",
    );
    expect(third.getCell(5).value).toEqual(new Date("2026-03-17T00:00:00Z"));
    expect(third.getCell(6).value).toBe(
      "Đã hoàn thành đúng hạn (ngày 18/03/2026)\nHoàn thành sau hạn theo văn bản",
    );
    expect(third.getCell(7).value).toBe("05/UBND-VP");

    const handling = await workbook(
      await download("chutich.dc", "handling", "from=2026-03-01&to=2026-03-31&format=xlsx"),
    );
    expect(handling.getRow(1).getCell(1).value).toBe("Đơn vị, cá nhân chủ trì");
    const totals = handling.getRow(handling.rowCount);
    expect(totals.values).toEqual([undefined, "Tổng cộng", 8, 2, 1, 2, 1, 2]);
    expect(totals.getCell(1).font?.bold).toBe(true);
  });
});

describe("refusals", () => {
  async function refusedWith(response: Response, status: number) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as {
      error: { code: string; message: string; fieldErrors: Record<string, string[]> };
    };
    return body.error;
  }

  it("asks whoever is not signed in to sign in", async () => {
    const error = await refusedWith(
      await download(null, "incomingBook", "from=2026-03-01&to=2026-03-31"),
      401,
    );
    expect(error.message).toBe("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
  });

  it("refuses a specialist with a translated 403", async () => {
    const vi = await refusedWith(
      await download("chuyenvien.kt", "incomingBook", "from=2026-03-01&to=2026-03-31"),
      403,
    );
    expect(vi.message).toContain("Bạn không có quyền in sổ đăng ký văn bản");
    const en = await refusedWith(
      await download("chuyenvien.kt", "handling", "from=2026-03-01&to=2026-03-31", "en"),
      403,
    );
    expect(en.code).toBe("FORBIDDEN");
  });

  it("answers bad dates and ranges with 400 and the field's message", async () => {
    const reversed = await refusedWith(
      await download("vanthu.dc", "incomingBook", "from=2026-03-31&to=2026-03-01"),
      400,
    );
    expect(reversed.fieldErrors).toEqual({
      to: ["Ngày kết thúc phải trùng hoặc sau ngày bắt đầu."],
    });
    const long = await refusedWith(
      await download("vanthu.dc", "followUpBook", "from=2025-01-01&to=2026-06-30"),
      400,
    );
    expect(long.fieldErrors.to?.[0]).toContain("366 ngày");
    const invalid = await refusedWith(
      await download("vanthu.dc", "handling", "from=31/03/2026&to=2026-04-01"),
      400,
    );
    expect(Object.keys(invalid.fieldErrors)).toEqual(["from"]);
    await refusedWith(
      await download("vanthu.dc", "incomingBook", "from=2026-03-01&to=2026-03-31&format=docx"),
      400,
    );
  });

  it("answers another organisation's registry with 404", async () => {
    await refusedWith(
      await download(
        "vanthu.dc",
        "incomingBook",
        `from=2026-03-01&to=2026-03-31&registryId=${f.registries.neighbour}`,
      ),
      404,
    );
  });
});
