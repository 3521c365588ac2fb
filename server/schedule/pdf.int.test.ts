// The printed week against the screen: the same entries, in the same order, under the same day
// and session headings, read back from the PDF with poppler's pdftotext.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoSchedule } from "@/db/seed/demo-schedule";
import { layOutWeek } from "@/lib/schedule-layout";
import { createCaller } from "@/server/api/root";
import { createWorkflowWorld, type WorkflowWorld } from "@/server/testing/incoming-workflow";
import { answerSchedulePdf } from "./pdf-route";

let world: WorkflowWorld;

beforeAll(async () => {
  world = await createWorkflowWorld();
  await seedDemoSchedule(world.db, world, "2026-12-09");
});

afterAll(async () => {
  await world.pool.end();
});

async function pdfOf(username: string, sheetId: string) {
  const response = await answerSchedulePdf(
    world.db,
    { userId: world.users[username]!, sessionEpoch: 1 },
    new Request(`http://localhost/api/schedule/${sheetId}/pdf`),
    sheetId,
  );
  return response;
}

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "schedule-pdf-"));
  const file = path.join(dir, "week.pdf");
  writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where each needle first appears after the previous one; -1 when it is missing or out of order. */
function positions(text: string, needles: string[]) {
  let from = 0;
  return needles.map((n) => {
    const at = text.indexOf(n, from);
    if (at >= 0) from = at + n.length;
    return at;
  });
}

describe("the printed week", () => {
  it("matches the screen: header, days, sessions and entries in order, changes marked", async () => {
    const week = await createCaller({
      db: world.db,
      locale: "vi",
      session: { userId: world.users["chuyenvien.kt"]!, sessionEpoch: 1 },
    }).schedule.week({ unitId: null, year: 2026, week: 50 });
    const sheet = week.sheet!;
    expect(sheet.status).toBe("published");

    const response = await pdfOf("chuyenvien.kt", sheet.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = textOf(Buffer.from(await response.arrayBuffer()));

    expect(
      positions(text, [
        "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG",
        "Độc lập - Tự do - Hạnh phúc",
        "LỊCH CÔNG TÁC TUẦN",
        "(Tuần 50, từ ngày 07/12/2026 đến ngày 13/12/2026)",
      ]),
    ).not.toContain(-1);

    // The screen's order: each day's heading, then its morning's and afternoon's entries.
    const expected: string[] = [];
    for (const d of layOutWeek(sheet.weekStart, sheet.entries)) {
      expected.push(
        `${["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][d.weekday]} ${d.day.slice(8, 10)}/${d.day.slice(5, 7)}/${d.day.slice(0, 4)}`,
      );
      for (const s of d.sessions) {
        expected.push(s.session === "morning" ? "Sáng" : "Chiều");
        // The first words of the content: a long one wraps inside its cell.
        for (const e of s.entries) expected.push(e.content.split(" ").slice(0, 3).join(" "));
      }
    }
    expect(expected.filter((n) => n.startsWith("Thứ"))).toHaveLength(5);
    expect(sheet.entries.length).toBe(9);
    const at = positions(text, expected);
    expect(expected.filter((_, i) => at[i] === -1)).toEqual([]);

    // The change after publication: marked, with the old time and place struck through.
    const moved = sheet.entries.find((e) => e.change)!;
    expect(moved.change?.kind).toBe("edited");
    expect(text).toContain("(Thay đổi)");
    expect(text).toContain("08:30");
    expect(text).toContain("09:30");
    expect(text).not.toContain("DỰ THẢO");
  });

  it("prints a draft as a draft, and nothing of a sheet to another organisation", async () => {
    const draft = await createCaller({
      db: world.db,
      locale: "vi",
      session: { userId: world.users["vanthu.dc"]!, sessionEpoch: 1 },
    }).schedule.week({ unitId: null, year: 2026, week: 51 });
    const sheet = draft.sheet!;
    expect(sheet.status).toBe("draft");
    const text = textOf(Buffer.from(await (await pdfOf("vanthu.dc", sheet.id)).arrayBuffer()));
    expect(text).toContain("DỰ THẢO - CHƯA BAN HÀNH");
    // A specialist may not see the draft; another organisation's leader may not see any of it.
    expect((await pdfOf("chuyenvien.kt", sheet.id)).status).toBe(404);
    expect((await pdfOf("chutich.hl", sheet.id)).status).toBe(404);
    expect((await pdfOf("chutich.hl", "not-an-id")).status).toBe(404);
  });
});
