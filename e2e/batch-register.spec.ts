// A clerk registers in one go the documents that arrived electronically, from the "to register"
// box: ticked, numbered in the order they came, each result named; then on a phone.
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { issueTo } from "./issue";
import { switchTo } from "./people";

const FIRST = "V/v kiểm tra công tác phòng cháy, chữa cháy cuối năm 2026";
const SECOND = "V/v tổ chức các hoạt động chào mừng năm mới 2027";
const THIRD = "V/v rà soát danh sách hộ kinh doanh trên địa bàn";

/** Ticks this spec's documents and unticks anything else the box holds. */
async function tickOnly(form: Locator, subjects: string[]) {
  for (const box of await form.getByRole("checkbox").all()) {
    const label = await box.evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? "");
    if (subjects.some((s) => label.includes(s))) await box.check();
    else await box.uncheck();
  }
}

test("the clerk registers the arrived documents in one go, in the order they came", async ({
  page,
  shot,
}) => {
  test.setTimeout(240_000);
  for (const subject of [FIRST, SECOND, THIRD]) {
    await issueTo(page, subject, ["phường Hoàng Liệt"]);
  }

  await switchTo(page, "vanthu.hl");
  await page.goto("/incoming?box=to_register");
  await page.getByTestId("batch-register").click();
  const form = page.getByTestId("batch-register-form");
  // All ticked at first; the third is left for later, with anything else in the box.
  await expect(form.getByRole("checkbox", { name: FIRST })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: THIRD })).toBeChecked();
  // Each shows the verdict on its signatures as it arrived: signed by the chairman and sealed.
  await expect(form.getByTestId("batch-signatures").first()).toHaveText("Chữ ký số hợp lệ");
  for (const badge of await form.getByTestId("batch-signatures").all()) {
    await expect(badge).toHaveAttribute("data-state", "valid");
  }
  await tickOnly(form, [FIRST, SECOND]);
  await expect(form.getByTestId("batch-register-submit")).toHaveText("Vào sổ 2 văn bản");
  await expect(form.getByTestId("registry-select")).toHaveValue(/Sổ văn bản đến/);
  await shot(page, "batch-register-dialog");
  await form.getByTestId("batch-register-submit").click();

  await expect(page.getByTestId("batch-summary")).toHaveText("Đã vào sổ 2/2 văn bản.", {
    timeout: 30_000,
  });
  const results = page.getByTestId("batch-result");
  await expect(results).toHaveCount(2);
  // In the order they came: the first issued has the lower number.
  const numberOf = async (subject: string) =>
    Number(
      /Số đến (\d+)/.exec((await results.filter({ hasText: subject }).textContent()) ?? "")![1],
    );
  expect(await numberOf(SECOND)).toBe((await numberOf(FIRST)) + 1);
  await shot(page, "batch-register-results");
  await page.getByTestId("batch-close").click();

  // The box keeps only what was left out; the registered ones wait to be presented.
  const table = page.getByTestId("inbox-table");
  await expect(table).toContainText(THIRD);
  await expect(table).not.toContainText(FIRST);
  await page.goto("/incoming?box=to_present");
  await expect(page.getByTestId("inbox-table")).toContainText(FIRST);

  // On a phone: the dialog fits the screen and registers the one left.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/incoming?box=to_register");
  await page.getByTestId("batch-register").click();
  await expect(form.getByRole("checkbox", { name: THIRD })).toBeChecked();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, "batch-register-phone", { fullPage: false });
  await tickOnly(form, [THIRD]);
  await form.getByTestId("batch-register-submit").click();
  await expect(page.getByTestId("batch-summary")).toHaveText("Đã vào sổ 1/1 văn bản.", {
    timeout: 30_000,
  });
  await shot(page, "batch-register-results-phone", { fullPage: false });
});
