// A sent document's recipients printed and exported: read back with poppler, qpdf and exceljs;
// refused with the reason to anyone who may not see the document's table.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "../delivery/test-world";
import { answerDeliverySheetRequest } from "./download";

let world: DeliveryWorld;
let sent: { id: string; numberNotation: string };
const { issuedToThree, copyOf, actOn } = deliveryMoves(() => world);
const out = mkdtempSync(path.join(tmpdir(), "lien-thong-deliveries-"));

beforeAll(async () => {
  world = await createDeliveryWorld();
  sent = await issuedToThree("V/v tổng hợp số liệu tiêm chủng mở rộng năm 2026", "hoangliet");
  await actOn("vanthu.hl", await copyOf(sent.id, world.orgs.hoangliet!), { action: "register" });
  await actOn("vanthu.hoangmai", await copyOf(sent.id, world.orgs.hoangmai!), {
    action: "returnToSender",
    reason: "Đề nghị gửi Trung tâm Y tế quận.",
  });
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

function download(username: string | null, query: string, locale: "vi" | "en" = "vi") {
  const request = new Request(`http://localhost/api/reports/deliveries?${query}`, {
    headers: { cookie: `NEXT_LOCALE=${locale}` },
  });
  const session = username ? { userId: world.users[username]!, sessionEpoch: 1 } : null;
  return answerDeliverySheetRequest(world.db, session, request);
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

async function saved(response: Response, name: string): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(200);
  const file = path.join(out, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

describe("a sent document's recipients sheet", () => {
  it("prints each recipient with its status, times and reason", async () => {
    const response = await download("vanthu.dc", `documentId=${sent.id}&format=pdf`);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const fileNumber = sent.numberNotation.replaceAll("/", "-");
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent(`Tình hình gửi nhận văn bản ${fileNumber}.pdf`),
    );
    const file = await saved(response, "gui-nhan.pdf");
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors found/);
    const text = run("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("TÌNH HÌNH GỬI NHẬN VĂN BẢN");
    expect(text).toContain(`Công văn ${sent.numberNotation}`);
    expect(text).toContain("Đã vào sổ: 1/3 nơi nhận");
    for (const expected of [
      "Ủy ban nhân dân quận Hoàng Mai",
      "03 · Đã vào sổ",
      "02 · Từ chối",
      // Long reasons wrap in their cell.
      "Đề nghị gửi Trung tâm Y tế",
      "Công an phường Định Công",
      "Chờ gửi",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  });

  it("exports the same rows to a spreadsheet, in English when asked", async () => {
    const file = await saved(
      await download("vanthu.dc", `documentId=${sent.id}&format=xlsx`, "en"),
      "deliveries.xlsx",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Delivery status");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "No.",
      "Recipient",
      "Status",
      "Arrived",
      "Registered",
      "Completed",
      "Answer",
      "Reason, notes",
    ]);
    expect(sheet.rowCount).toBe(1 + 3);
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));
    const hoangLiet = rows.find((r) => String(r.getCell(2).value).includes("Hoàng Liệt"))!;
    expect(hoangLiet.getCell(3).value).toBe("03 · Registered");
    expect(String(hoangLiet.getCell(5).value)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const district = rows.find((r) => String(r.getCell(2).value).includes("Hoàng Mai"))!;
    expect(district.getCell(8).value).toBe("Đề nghị gửi Trung tâm Y tế quận.");
  });

  it("is refused, with the reason, to whoever may not see the document's table", async () => {
    const query = `documentId=${sent.id}&format=pdf`;
    const refused = async (username: string | null, q = query) => {
      const response = await download(username, q);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message.length).toBeGreaterThan(0);
      return [response.status, body.error.code];
    };
    // A recipient's clerk holds a copy, not the sender's document.
    expect(await refused("vanthu.hl")).toEqual([404, "NOT_FOUND"]);
    expect(await refused("quantri.dc")).toEqual([403, "FORBIDDEN"]);
    expect(await refused(null)).toEqual([401, "UNAUTHORIZED"]);
    expect(await refused("vanthu.dc", "documentId=abc&format=pdf")).toEqual([400, "VALIDATION"]);
    expect(await refused("vanthu.dc", `documentId=${sent.id}&format=docx`)).toEqual([
      400,
      "VALIDATION",
    ]);
    // An incoming document has no recipients' table.
    const incoming = await world.newDocument({ subject: "Về việc kiểm tra" });
    expect(await refused("vanthu.dc", `documentId=${incoming.id}&format=pdf`)).toEqual([
      404,
      "NOT_FOUND",
    ]);
  });
});
