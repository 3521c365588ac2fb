// The outgoing registry book: its rows and columns from the tables, its keyset pages, who may
// read which registry's book, and its printed and exported copies (checked with qpdf, poppler
// and exceljs reading the spreadsheet back).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/authz/actor";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { answerReportRequest } from "./download";
import { outgoingRegistryBook, wholeOutgoingBook } from "./outgoing-book";
import { MARCH, seedOutgoingBookFixtures } from "./outgoing-test-fixtures";
import type { BookInput } from "./registry-book";

let db: Db;
let f: Awaited<ReturnType<typeof seedOutgoingBookFixtures>>;
let clerk: Actor;
let leader: Actor;
let deputy: Actor;
const out = mkdtempSync(path.join(tmpdir(), "lien-thong-outgoing-book-"));

beforeAll(async () => {
  ({ db } = await freshDatabase());
  f = await seedOutgoingBookFixtures(db);
  clerk = await f.actorOf("vanthu.dc");
  leader = await f.actorOf("chutich.dc");
  deputy = await f.actorOf("phochutich.dc");
});

// REPORTS_KEEP_OUTPUT=1 keeps the files to look at.
afterAll(() => {
  if (process.env.REPORTS_KEEP_OUTPUT) console.info(`Outgoing book files kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
});

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: f.users[username]!, sessionEpoch: 1 } });

const march = (extra: Partial<BookInput> = {}): BookInput => ({ ...MARCH, limit: 100, ...extra });

describe("outgoing registry book", () => {
  it("lists the default outgoing registry's documents issued in the range, by number, with every column", async () => {
    const book = await outgoingRegistryBook(db, clerk, march());
    expect(book.registry).toMatchObject({ id: f.registries.outgoing, kind: "outgoing" });
    // No. 4 is secret (misfiled), the draft has no number, No. 5 was issued in April.
    expect(book.rows.map((r) => r.id)).toEqual([f.docs.o1, f.docs.o2, f.docs.o3]);
    expect(book.nextCursor).toBeNull();
    const [first, second, third] = book.rows;
    expect(first).toEqual({
      id: f.docs.o1,
      registryPeriod: "2026",
      registryNumber: 1,
      numberNotation: "01/UBND-KT",
      documentDate: "2026-03-03",
      documentType: "cong_van",
      subject: "V/v phối hợp rà soát hộ nghèo, hộ cận nghèo năm 2026",
      signerName: "Nguyễn Đức Thắng",
      outsideRecipients: ["UBND phường Hoàng Liệt", "Ngân hàng Chính sách xã hội quận Hoàng Mai"],
      internalRecipients: ["Phòng Văn hóa - Xã hội", "Trần Quốc Bảo"],
      // "Như trên" is the recipients above; "Lưu" has its own column.
      otherCopiesTo: ["Chủ tịch UBND quận (để b/c)"],
      fileCopy: "Phòng Kinh tế, Hạ tầng và Đô thị",
      copies: 4,
      // Deliveries are still pending: nothing sent yet.
      sentOn: null,
      notes: null,
    });
    // No drafting unit: the "Lưu" line names who keeps the copy.
    expect(second).toMatchObject({
      numberNotation: "02/QĐ-UBND",
      documentType: "quyet_dinh",
      outsideRecipients: ["Công ty Điện lực Hoàng Mai"],
      internalRecipients: [],
      otherCopiesTo: [],
      fileCopy: "VT, VP",
      copies: 1,
      notes: "Gửi kèm bản giấy",
    });
    // Nobody named in the system: the number of copies is not known.
    expect(third).toMatchObject({
      numberNotation: "03/KH-UBND",
      signerName: "Hoàng Thị Mai",
      outsideRecipients: [],
      internalRecipients: [],
      otherCopiesTo: ["Các phòng, ban chuyên môn"],
      fileCopy: "Phòng Văn hóa - Xã hội",
      copies: null,
    });
  });

  it("filters by issue date and orders across periods by period, then number", async () => {
    const spanning = await outgoingRegistryBook(
      db,
      clerk,
      march({ from: "2025-12-01", to: "2026-04-30" }),
    );
    expect(spanning.rows.map((r) => `${r.registryPeriod}/${r.registryNumber}`)).toEqual([
      "2025/412",
      "2026/1",
      "2026/2",
      "2026/3",
      "2026/5",
    ]);
    const oneDay = await outgoingRegistryBook(
      db,
      clerk,
      march({ from: "2026-03-10", to: "2026-03-10" }),
    );
    expect(oneDay.rows.map((r) => r.id)).toEqual([f.docs.o2]);
    const april = await outgoingRegistryBook(
      db,
      clerk,
      march({ from: "2026-04-01", to: "2026-04-30" }),
    );
    expect(april.rows.map((r) => r.id)).toEqual([f.docs.april]);
  });

  it("pages by key: every row exactly once, in order, whatever the page size", async () => {
    const range = { from: "2025-12-01", to: "2026-04-30" };
    const all = await outgoingRegistryBook(db, clerk, march(range));
    expect(all.rows).toHaveLength(5);
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let cursor: BookInput["cursor"] = null;
      let pages = 0;
      do {
        const page = await outgoingRegistryBook(db, clerk, march({ ...range, cursor, limit }));
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(seen).toEqual(all.rows.map((r) => r.id));
      expect(pages).toBe(Math.ceil(all.rows.length / limit));
    }
    const whole = await wholeOutgoingBook(db, clerk, range);
    expect(whole.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
  });

  it("serves the screen through tRPC, to clerks and to leaders who are on none of the documents", async () => {
    const first = await callerFor("phochutich.dc").reports.outgoingBook({ ...MARCH, limit: 2 });
    expect(first.rows.map((r) => r.registryNumber)).toEqual([1, 2]);
    const second = await callerFor("phochutich.dc").reports.outgoingBook({
      ...MARCH,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.rows.map((r) => r.registryNumber)).toEqual([3]);
    expect(second.nextCursor).toBeNull();
  });

  it("keeps secret documents out of the ordinary book, even for those who are on them", async () => {
    for (const actor of [clerk, leader]) {
      const ids = (await outgoingRegistryBook(db, actor, march())).rows.map((r) => r.id);
      expect(ids).not.toContain(f.docs.misfiled);
      expect(ids).not.toContain(f.docs.secret);
    }
  });

  it("shows the secret outgoing registry's book only to those on its documents", async () => {
    const input = march({ registryId: f.registries.secret });
    for (const actor of [clerk, leader]) {
      const book = await outgoingRegistryBook(db, actor, input);
      expect(book.registry.kind).toBe("secret_outgoing");
      expect(book.rows).toMatchObject([
        {
          id: f.docs.secret,
          numberNotation: "01/UBND-QS",
          outsideRecipients: ["Ban Chỉ huy Quân sự quận Hoàng Mai"],
        },
      ]);
    }
    expect((await outgoingRegistryBook(db, deputy, input)).rows).toEqual([]);
  });

  it("never shows another organisation's registry or documents", async () => {
    const error = await refusal(
      callerFor("vanthu.dc").reports.outgoingBook({ ...MARCH, registryId: f.registries.neighbour }),
    );
    expect(error.code).toBe("NOT_FOUND");
    for (const actor of [clerk, leader]) {
      const ids = (await wholeOutgoingBook(db, actor, MARCH)).rows.map((r) => r.id);
      expect(ids).not.toContain(f.docs.neighbour);
    }
    // The neighbour's own clerk sees only theirs.
    const theirs = await callerFor("vanthu.hl").reports.outgoingBook(MARCH);
    expect(theirs.rows.map((r) => r.id)).toEqual([f.docs.neighbour]);
  });

  it("refuses a specialist, a registry that is not an outgoing one, and a reversed range", async () => {
    const specialist = callerFor("chuyenvien.kt");
    expect((await refusal(specialist.reports.outgoingBook(MARCH))).code).toBe("FORBIDDEN");
    const clerkCaller = callerFor("vanthu.dc");
    const incoming = (await clerkCaller.registries.list({})).find((r) => r.kind === "incoming");
    const wrong = await refusal(
      clerkCaller.reports.outgoingBook({ ...MARCH, registryId: incoming!.id }),
    );
    expect(fieldKeys(wrong)).toEqual({ registryId: ["reports.errors.notOutgoingRegistry"] });
    // And the incoming book will not be read from an outgoing registry.
    const backwards = await refusal(
      clerkCaller.reports.registryBook({ ...MARCH, registryId: f.registries.outgoing }),
    );
    expect(fieldKeys(backwards)).toEqual({ registryId: ["reports.errors.notIncomingRegistry"] });
    const reversed = await refusal(
      clerkCaller.reports.outgoingBook({ from: "2026-03-31", to: "2026-03-01" }),
    );
    expect(fieldKeys(reversed)).toEqual({ to: ["reports.errors.rangeOrder"] });
  });
});

function download(username: string | null, query: string, locale: "vi" | "en" = "vi") {
  const request = new Request(`http://localhost/api/reports/outgoing-book?${query}`, {
    headers: { cookie: `NEXT_LOCALE=${locale}` },
  });
  const session = username ? { userId: f.users[username]!, sessionEpoch: 1 } : null;
  return answerReportRequest(db, session, request, "outgoingBook");
}

async function saved(response: Response, name: string): Promise<string> {
  expect(response.status).toBe(200);
  const file = path.join(out, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

describe("outgoing registry book PDF", () => {
  let pdf: string;

  beforeAll(async () => {
    const response = await download("vanthu.dc", "from=2025-12-01&to=2026-03-31&format=pdf");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="So dang ky van ban di 01-12-2025 den 31-03-2026.pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent("Sổ đăng ký văn bản đi 01-12-2025 đến 31-03-2026.pdf")}`,
    );
    pdf = await saved(response, "so-dang-ky-van-ban-di.pdf");
  });

  it("is a well-formed A4 landscape PDF (qpdf --check, pdfinfo)", () => {
    expect(run("qpdf", ["--check", pdf])).toMatch(/No syntax or stream encoding errors found/);
    expect(run("pdfinfo", [pdf])).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });

  it("carries the Vietnamese title, the column headers and the rows' Vietnamese text", () => {
    const text = run("pdftotext", ["-layout", pdf, "-"]);
    expect(text).toContain("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
    expect(text).toContain("ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG");
    expect(text).toContain("Sổ: Sổ văn bản đi");
    expect(text).toContain("Từ ngày 01/12/2025 đến ngày 31/03/2026");
    // Long headers wrap inside their cells; these fit on one line.
    for (const header of ["Người ký", "Nơi nhận văn bản", "Ký nhận", "Ghi chú"]) {
      expect(text).toContain(header);
    }
    expect(text).toContain("01/UBND-KT");
    expect(text).toContain("03/03/2026");
    expect(text).toContain("Nguyễn Đức Thắng");
    expect(text).toContain("UBND phường Hoàng Liệt");
    expect(text).toContain("Nội bộ: Phòng Văn hóa");
    expect(text).toContain("Gửi kèm bản");
    expect(text).toMatch(/\b412\/BC-UBND\b/);
    // Neither the misfiled secret document nor the neighbour's.
    expect(text).not.toContain("Văn bản mật cấp số nhầm sổ");
    expect(text).not.toContain("Văn bản đi của phường Hoàng Liệt");
  });

  it("prints an empty book with its headers and says why it is empty", async () => {
    const file = await saved(
      await download("vanthu.dc", "from=2026-06-01&to=2026-06-30&format=pdf"),
      "trong.pdf",
    );
    const text = run("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
    expect(text).toContain("Ký nhận");
    expect(text).toContain("Không có văn bản đi nào được cấp số trong khoảng thời gian này.");
  });
});

describe("outgoing registry book spreadsheet", () => {
  it("has the headers in the Decree's order, dates as dates, and every row", async () => {
    const response = await download("vanthu.dc", "from=2026-03-01&to=2026-03-31&format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent("Sổ đăng ký văn bản đi 01-03-2026 đến 31-03-2026.xlsx"),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Sổ đăng ký VB đi");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Số, ký hiệu văn bản",
      "Ngày tháng văn bản",
      "Tên loại và trích yếu nội dung",
      "Người ký",
      "Nơi nhận văn bản",
      "Đơn vị, người nhận bản lưu",
      "Số lượng bản",
      "Ngày chuyển",
      "Ký nhận",
      "Ghi chú",
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + 3);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe("01/UBND-KT");
    expect(first.getCell(2).value).toEqual(new Date(Date.UTC(2026, 2, 3)));
    expect(first.getCell(2).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(3).value).toBe(
      "Công văn: V/v phối hợp rà soát hộ nghèo, hộ cận nghèo năm 2026",
    );
    expect(first.getCell(4).value).toBe("Nguyễn Đức Thắng");
    expect(first.getCell(5).value).toBe(
      "UBND phường Hoàng Liệt\nNgân hàng Chính sách xã hội quận Hoàng Mai\n" +
        "Nội bộ: Phòng Văn hóa - Xã hội, Trần Quốc Bảo\nChủ tịch UBND quận (để b/c)",
    );
    expect(first.getCell(6).value).toBe("Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(first.getCell(7).value).toBe(4);
    // Not sent yet, and the receipt signature is for the paper copy.
    expect(first.getCell(8).value).toBeNull();
    expect(first.getCell(9).value).toBe("");
    expect(first.getCell(8).numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getRow(4).getCell(7).value).toBeNull();
    expect(sheet.getRow(3).getCell(10).value).toBe("Gửi kèm bản giấy");
  });

  it("is refused to a specialist, in the caller's language", async () => {
    const response = await download("chuyenvien.kt", "from=2026-03-01&to=2026-03-31", "en");
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("FORBIDDEN");
    const neighbour = await download(
      "vanthu.dc",
      `from=2026-03-01&to=2026-03-31&registryId=${f.registries.neighbour}`,
    );
    expect(neighbour.status).toBe(404);
  });
});
