// The weekly work schedule from draft to the whole office: the clerk drafts next week's
// leadership schedule, the chairman approves and publishes it, a specialist reads it, and a
// change after publication is marked on the sheet, on a desk and on a phone.
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { vietnamToday } from "@/lib/dates";
import { isoWeekOf, scheduleHref, shiftWeek } from "@/lib/schedule";
import { expect, test } from "./fixtures";
import { switchTo } from "./people";
import { widthProblems } from "./width";

const next = shiftWeek(isoWeekOf(vietnamToday()), 1);
const NEXT_WEEK = scheduleHref(next);
const CONTENT = "Kiểm tra công tác phòng cháy, chữa cháy tại chợ Định Công";

/** Picks an option of a Mantine select found by its label inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option }).first().click();
}

const status = (page: Page) => page.getByTestId("schedule-status");
const entryRow = (page: Page) =>
  page.getByTestId("schedule-table").getByTestId("schedule-entry").filter({ hasText: CONTENT });

test("next week's leadership schedule: drafted, approved, published, changed", async ({
  page,
  signIn,
  shot,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "vanthu.dc");
  await page.goto(NEXT_WEEK);
  await expect(page.getByTestId("schedule-week-title")).toHaveText(
    `Tuần ${next.week} năm ${next.year}`,
  );
  // The first answer of a cold server may take a while.
  await expect(status(page)).toHaveText("Đang soạn", { timeout: 30_000 });

  // The office adds Tuesday afternoon's inspection; an end before the start is refused first.
  await page.getByTestId("schedule-add-entry").click();
  const form = page.getByTestId("schedule-entry-form");
  await choose(page, form, "Ngày", /^Thứ Ba/);
  // Times on the 24-hour clock, typed the way people write them.
  await form.getByTestId("schedule-start-input").fill("14h");
  await form.getByTestId("schedule-end-input").fill("13:30");
  await expect(form.getByTestId("schedule-start-input")).toHaveValue("14:00");
  await form.getByTestId("schedule-content-input").fill(CONTENT);
  await choose(page, form, "Chủ trì", "Hoàng Thị Mai");
  await form.getByTestId("schedule-location-input").fill("Chợ Định Công");
  await page.getByTestId("schedule-entry-submit").click();
  await expect(form.getByText("Giờ kết thúc phải sau giờ bắt đầu.")).toBeVisible();
  await page.screenshot({
    path: path.join(import.meta.dirname, "screenshots", "schedule-entry-dialog-1280.png"),
  });
  // The end picked from the half hours of the day.
  await form.getByRole("button", { name: "Chọn giờ" }).nth(1).click();
  await page.getByRole("button", { name: "16:30", exact: true }).click();
  await expect(form.getByTestId("schedule-end-input")).toHaveValue("16:30");
  await page.getByTestId("schedule-entry-submit").click();
  await expect(form).toBeHidden();
  await expect(entryRow(page)).toContainText("14:00 - 16:30");
  await expect(entryRow(page)).toContainText("Chợ Định Công");

  await page.getByTestId("schedule-submit").click();
  await expect(status(page)).toHaveText("Chờ duyệt");
  await expect(page.getByTestId("schedule-add-entry")).toHaveCount(0);

  // The chairman approves and publishes it.
  await switchTo(page, "chutich.dc");
  await page.goto(NEXT_WEEK);
  await expect(status(page)).toHaveText("Chờ duyệt");
  await page.getByTestId("schedule-publish").click();
  await page.getByTestId("schedule-publish-confirm").click();
  await expect(status(page)).toHaveText("Đã ban hành");

  // A specialist reads it, and cannot change it.
  await switchTo(page, "chuyenvien.kt");
  await page.goto(NEXT_WEEK);
  await expect(status(page)).toHaveText("Đã ban hành");
  await expect(entryRow(page)).toBeVisible();
  await expect(page.getByTestId("schedule-add-entry")).toHaveCount(0);

  // The office moves the inspection after publication: the sheet marks the change.
  await switchTo(page, "vanthu.dc");
  await page.goto(NEXT_WEEK);
  await entryRow(page).getByTestId("schedule-entry-menu").click();
  await page.getByRole("menuitem", { name: "Sửa" }).click();
  await expect(form.getByText(/Lịch đã ban hành/)).toBeVisible();
  await form.getByTestId("schedule-location-input").fill("Nhà văn hóa tổ dân phố số 3");
  await page.getByTestId("schedule-entry-submit").click();
  await expect(form).toBeHidden();
  await expect(entryRow(page).getByTestId("schedule-change-mark")).toHaveText("Thay đổi");
  await expect(entryRow(page)).toContainText("Nhà văn hóa tổ dân phố số 3");
  await expect(entryRow(page).getByText("Chợ Định Công", { exact: true })).toHaveCSS(
    "text-decoration-line",
    "line-through",
  );

  // The specialist sees the change marked, on a desk and on a phone.
  await switchTo(page, "chuyenvien.kt");
  await page.goto(NEXT_WEEK);
  await expect(entryRow(page).getByTestId("schedule-change-mark")).toHaveText("Thay đổi");
  await shot(page, "schedule-week-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page
    .getByTestId("schedule-cards")
    .getByTestId("schedule-entry")
    .filter({ hasText: CONTENT });
  await expect(card.getByTestId("schedule-change-mark")).toBeVisible();
  await expect(card.getByText("Chợ Định Công", { exact: true })).toBeVisible();
  await expect(page.getByTestId("schedule-table")).toBeHidden();
  // The layout settles a moment after the window narrows.
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "schedule-week-390");
});
