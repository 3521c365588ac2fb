import { expect, test } from "./fixtures";
import { switchTo } from "./people";
import { widthProblems } from "./width";

// A leader tells the whole ward something and asks everyone to confirm; a specialist reads and
// confirms it on a phone; the leader sees who has.
test("a notice with read confirmation: published, confirmed on a phone, tracked", async ({
  page,
  signIn,
  shot,
}) => {
  const title = `Lịch trực Tết Nguyên đán ${Date.now()}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "chutich.dc");
  await page.goto("/notices/new");
  await page.getByTestId("notice-title").fill(title);
  await page.getByTestId("notice-body").locator("[contenteditable=true]").click();
  await page.keyboard.type("Các đồng chí trực theo lịch, có mặt trước 7 giờ 30.");
  await page.getByRole("switch", { name: "Yêu cầu xác nhận đã đọc" }).check();
  await shot(page, "notices-form-1280");
  await page.getByTestId("notice-publish").click();
  await expect(page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("notice-tracking")).toBeVisible();
  await expect(page.getByTestId("notice-figures")).toContainText("0/");

  await switchTo(page, "chuyenvien.kt");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/notices");
  const card = page.getByTestId("my-notice").filter({ hasText: title });
  await expect(card.getByTestId("notice-needs-confirmation")).toBeVisible();
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "notices-list-390");
  await card.click();
  await expect(page.getByTestId("notice-title-text")).toHaveText(title);
  await page.getByTestId("notice-confirm").click();
  await expect(page.getByTestId("notice-confirmed")).toBeVisible();
  await expect(page.getByTestId("notice-confirm")).toHaveCount(0);
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "notice-confirmed-390");

  await switchTo(page, "chutich.dc");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/notices");
  await page.getByTestId("notices-tabs").getByText("Thông báo của cơ quan").click();
  await page.getByTestId("office-notice").filter({ hasText: title }).click();
  await expect(page.getByTestId("notice-figures")).toContainText("1/");
  const tuan = page.getByTestId("notice-recipient").filter({ hasText: "Lê Minh Tuấn" });
  await expect(tuan).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await page.getByTestId("notice-tracking-filter").getByText("Chưa xác nhận").click();
  await expect(
    page.getByTestId("notice-recipient").filter({ hasText: "Lê Minh Tuấn" }),
  ).toHaveCount(0);
  await page.getByTestId("notice-tracking-filter").getByText("Tất cả").click();
  await expect(tuan).toBeVisible();
  await shot(page, "notice-tracking-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "notice-tracking-390");
});
