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

// The chairman gives a task, then corrects it (title, deadline, priority, a co-assignee); the
// lead attaches a report file on a phone, which both can download; the lead splits off a
// subtask from the task's page, and the task lists it.
test("a task edited, given a file and a subtask, on a desk and on a phone", async ({
  page,
  shot,
}) => {
  const stamp = Date.now();
  // The district's letter the task follows up, registered and presented to the chairman.
  const letter = String(stamp % 100_000);
  await registerAndPresent(page, {
    pdf: await letterPdf(1),
    number: letter,
    subject: `Rà soát hộ nghèo, hộ cận nghèo cuối năm ${stamp}`,
  });
  await switchTo(page, "chutich.dc");
  await page.setViewportSize({ width: 1280, height: 900 });
  const staff = await call<Staff>(page, "directory.staff");
  const person = (name: string) =>
    staff.units.flatMap((u) => u.staff).find((p) => p.fullName === name)!;
  const { id } = await call<{ id: string }>(
    page,
    "tasks.create",
    {
      title: `Rà soát hộ nghèo ${stamp}`,
      lead: { userId: person("Lê Minh Tuấn").id },
      startDate: vnDate(0).iso,
      deadline: vnDate(7).iso,
    },
    { mutation: true },
  );

  await page.goto(`/tasks/${id}`);
  await page.getByTestId("task-edit").click();
  const form = page.getByTestId("task-edit-form");
  await expect(form.getByTestId("task-title")).toHaveValue(`Rà soát hộ nghèo ${stamp}`);
  // An end before the start is refused on its field, and nothing is sent.
  await form.getByTestId("task-deadline").fill(vnDate(-3).display);
  await form.getByTestId("task-deadline").press("Tab");
  await page.getByTestId("task-save").click();
  await expect(form.getByTestId("task-deadline")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(`Ngày phải từ ${vnDate(0).display} trở đi.`)).toBeVisible();
  await expect(form).toBeVisible();
  await form.getByTestId("task-title").fill(`Rà soát hộ nghèo tổ 5 và 6 ${stamp}`);
  await form.getByTestId("task-deadline").fill(vnDate(12).display);
  await form.getByTestId("task-deadline").press("Tab");
  await chooseOption(page, form.getByTestId("task-priority"), /^Cao$/);
  await chooseOption(page, form.getByTestId("task-co"), /Đỗ Thị Hạnh/);
  await page.keyboard.press("Escape");
  // The letter it follows up, found by its number and notation.
  await form.getByTestId("task-documents").fill(`${letter}/UBND`);
  await page.getByRole("option", { name: new RegExp(`${letter}/UBND-PCTT`) }).click();
  await page.keyboard.press("Escape");
  await shot(page, "task-edit-1280");
  await page.getByTestId("task-save").click();
  await expect(page.getByTestId("task-page")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(
    `Rà soát hộ nghèo tổ 5 và 6 ${stamp}`,
  );
  const history = page.getByTestId("task-history");
  await expect(history).toContainText("Sửa công việc");
  await expect(history).toContainText(
    `Hạn hoàn thành: ${vnDate(7).display} → ${vnDate(12).display}`,
  );
  await expect(history).toContainText("Thêm người phối hợp: Đỗ Thị Hạnh");
  await expect(page.getByTestId("task-documents")).toContainText(`${letter}/UBND-PCTT`);

  // Saving again from a form opened on the old version is refused as stale, and changes nothing.
  const stale = await page.request.post("/api/trpc/tasks.act", {
    data: {
      json: {
        taskId: id,
        version: 1,
        input: {
          action: "edit",
          title: "Cũ",
          startDate: vnDate(0).iso,
          deadline: vnDate(7).iso,
          priority: "low",
        },
      },
    },
  });
  expect(stale.status()).toBe(409);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(
    `Rà soát hộ nghèo tổ 5 và 6 ${stamp}`,
  );

  // The lead, on a phone, attaches the report and downloads it back.
  await switchTo(page, "chuyenvien.kt");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/tasks/${id}`);
  await expect(page.getByTestId("task-edit")).toHaveCount(0);
  await page.locator('[data-testid="task-files"] input[type="file"]').setInputFiles({
    name: "Bao cao ra soat.pdf",
    mimeType: "application/pdf",
    buffer: await letterPdf(1),
  });
  await page.getByTestId("task-files-attach").click();
  await expect(page.getByTestId("task-file")).toHaveCount(1);
  const link = page.getByTestId("task-file-link");
  await expect(link).toHaveText("Bao cao ra soat.pdf");
  const href = (await link.getAttribute("href"))!;
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  // A hash of bytes not on this task is nothing here.
  expect((await page.request.get(`/api/tasks/${id}/files/${"0".repeat(64)}`)).status()).toBe(404);
  await expect(page.getByTestId("task-history")).toContainText("Đính kèm tệp");
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "task-files-390");

  // The lead splits off a subtask from the task's page, its parent filled in.
  await page.getByTestId("task-new-subtask").click();
  await expect(page.getByTestId("task-parent")).toHaveValue(`Rà soát hộ nghèo tổ 5 và 6 ${stamp}`);
  await page.getByTestId("task-title").fill(`Rà soát tổ 5 ${stamp}`);
  await page.getByTestId("task-deadline").fill(vnDate(5).display);
  await page.getByTestId("task-deadline").press("Tab");
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await page.getByTestId("task-submit").click();
  await expect(page.getByTestId("task-page")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Rà soát tổ 5 ${stamp}`);
  await page.getByRole("link", { name: `Rà soát hộ nghèo tổ 5 và 6 ${stamp}` }).click();
  await expect(page.getByRole("link", { name: new RegExp(`Rà soát tổ 5 ${stamp}`) })).toBeVisible();

  // The chairman sees the file and the subtask on a desk, and the edit form fits a phone.
  await switchTo(page, "chutich.dc");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/tasks/${id}`);
  await expect(page.getByTestId("task-file")).toHaveCount(1);
  expect((await page.request.get(href)).status()).toBe(200);
  await shot(page, "task-files-1280");
  // And, on a phone, gives a second subtask, linked to the letter from the start. A search
  // that finds nothing says so.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("task-new-subtask").click();
  await page.getByTestId("task-title").fill(`Rà soát tổ 6 ${stamp}`);
  await page.getByTestId("task-deadline").fill(vnDate(6).display);
  await page.getByTestId("task-deadline").press("Tab");
  await page.getByTestId("task-documents").fill("k");
  await expect(page.getByText("Gõ ít nhất 2 ký tự để tìm")).toBeVisible();
  await page.getByTestId("task-documents").fill("không có văn bản nào như thế");
  await expect(
    page.getByText("Không tìm thấy văn bản nào bạn được xem khớp với nội dung này"),
  ).toBeVisible();
  await shot(page, "task-new-documents-none-390");
  await page.getByTestId("task-documents").fill(`${letter}/UBND`);
  await page.getByRole("option", { name: new RegExp(`${letter}/UBND-PCTT`) }).click();
  await shot(page, "task-new-documents-390");
  await page.keyboard.press("Escape");
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await page.getByTestId("task-submit").click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Rà soát tổ 6 ${stamp}`);
  await expect(page.getByTestId("task-documents")).toContainText(`${letter}/UBND-PCTT`);
  // Its edit form holds its deadline within its parent's, before anything is sent.
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await page.getByTestId("task-deadline").fill(vnDate(13).display);
  await page.getByTestId("task-deadline").press("Tab");
  await expect(
    page.getByText(`Hạn hoàn thành không được sau hạn của công việc cha (${vnDate(12).display}).`),
  ).toBeVisible();
  // And the parent's keeps its deadline no earlier than its subtasks' latest.
  await page.goto(`/tasks/${id}/edit`);
  await expect(page.getByTestId("task-edit-form")).toBeVisible();
  await page.getByTestId("task-deadline").fill(vnDate(4).display);
  await page.getByTestId("task-deadline").press("Tab");
  await expect(
    page.getByText(`Hạn hoàn thành không được trước hạn của công việc con (${vnDate(6).display}).`),
  ).toBeVisible();
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "task-edit-390");
});
