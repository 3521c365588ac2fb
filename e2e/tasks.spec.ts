import type { Page } from "@playwright/test";
import { vnDate } from "./days";
import { letterPdf, registerAndPresent } from "./documents";
import { expect, test } from "./fixtures";
import { switchTo } from "./people";
import { call } from "./trpc";
import { widthProblems } from "./width";

async function chooseOption(page: Page, locator: ReturnType<Page["getByTestId"]>, name: RegExp) {
  await locator.click();
  await page.getByRole("option", { name }).first().click();
}

type Staff = { units: { staff: { id: string; fullName: string }[] }[] };

// A leader turns the direction on an incoming document into two tasks; the specialist leading
// one starts it and reports progress on a phone; the leader approves the report.
test("tasks from a direction: given, reported on a phone, approved", async ({ page, shot }) => {
  const stamp = Date.now();
  const subject = `Về việc phòng, chống lụt bão ${stamp}`;
  const documentUrl = await registerAndPresent(page, {
    pdf: await letterPdf(1),
    number: String(stamp % 1000),
    subject,
  });
  const documentId = documentUrl.split("/").pop()!;

  await switchTo(page, "chutich.dc");
  await page.setViewportSize({ width: 1280, height: 900 });
  const staff = await call<Staff>(page, "directory.staff");
  const tuan = staff.units.flatMap((u) => u.staff).find((p) => p.fullName === "Lê Minh Tuấn")!;
  await page.goto(documentUrl);
  const version = Number(await page.getByTestId("document-page").getAttribute("data-version"));
  await call(
    page,
    "incoming.act",
    {
      documentId,
      version,
      input: {
        action: "direct",
        direction:
          "Giao đồng chí Tuấn chủ trì rà soát các điểm xung yếu; Phòng VHXH lập danh sách hộ cần sơ tán.",
        lead: { userId: tuan.id, deadline: vnDate(10).iso },
      },
    },
    { mutation: true },
  );
  await page.reload();
  await page.getByTestId("action-tasks-from-direction").click();
  const form = page.getByTestId("direction-tasks-form");
  await expect(form).toContainText("rà soát các điểm xung yếu");
  const rows = form.getByTestId("direction-task-row");
  await rows.nth(0).getByTestId("direction-task-title").fill(`Rà soát điểm xung yếu ${stamp}`);
  await chooseOption(page, rows.nth(0).getByTestId("direction-task-lead"), /Lê Minh Tuấn/);
  await expect(rows.nth(0).getByTestId("direction-task-deadline")).toHaveValue(vnDate(10).display);
  await form.getByTestId("direction-task-add").click();
  await rows.nth(1).getByTestId("direction-task-title").fill(`Lập danh sách hộ sơ tán ${stamp}`);
  await chooseOption(page, rows.nth(1).getByTestId("direction-task-lead"), /Đỗ Thị Hạnh/);
  await rows.nth(1).getByTestId("direction-task-deadline").fill(vnDate(7).display);
  await rows.nth(1).getByTestId("direction-task-deadline").press("Tab");
  await shot(page, "tasks-from-direction-1280");
  await form.getByTestId("direction-tasks-submit").click();
  await expect(page.getByTestId("document-task")).toHaveCount(2);
  await shot(page, "document-tasks-1280");

  await switchTo(page, "chuyenvien.kt");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/tasks");
  await page.getByTestId("task-search").fill(`diem xung yeu ${stamp}`);
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "tasks-mine-390");
  await page.getByTestId("task-link").click();
  await expect(page.getByTestId("task-page")).toBeVisible();
  await page.getByTestId("task-start").click();
  await expect(page.getByTestId("task-status")).toHaveText("Đang thực hiện");
  await page.getByTestId("report-percent").fill("60");
  await page.getByTestId("report-note").fill("Đã rà soát 6/10 điểm xung yếu.");
  await page.getByTestId("report-submit").click();
  await expect(page.getByTestId("report-form")).toHaveCount(0);
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "task-reported-390");
  const taskUrl = page.url();

  await switchTo(page, "chutich.dc");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(taskUrl);
  await expect(page.getByTestId("pending-report")).toContainText("60%");
  await page.getByTestId("approve-report").click();
  await expect(page.getByTestId("task-progress")).toHaveText("60%");
  await expect(page.getByTestId("pending-report")).toHaveCount(0);
  await shot(page, "task-approved-1280");
});
