// A clerk keeps a recipient group on a phone: a district's whole branch added at once, the
// district itself, the city found by its code and taken out again; a draft's addressees are then filled from the group in one step,
// and the group, deleted, leaves the addressees it gave.
import { expect, signIn, test } from "./fixtures";
import { widthProblems } from "./width";

test("a clerk keeps a group of the district's wards and fills a draft's addressees from it, on a phone", async ({
  browser,
  shot,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, "vanthu.dc");
  await page.goto("/outgoing/new");
  await page.getByTestId("recipient-groups-menu").click();
  await page.getByTestId("manage-recipient-groups").click();
  const manager = page.getByTestId("recipient-groups-manager");
  await expect(manager).toBeVisible();
  await manager.getByTestId("create-recipient-group").first().click();

  const form = page.getByTestId("recipient-group-form");
  await expect(form.getByTestId("recipient-group-members-empty")).toHaveText(
    "Nhóm chưa có cơ quan nào.",
  );
  const name = `Các phường thuộc quận Hoàng Mai ${Date.now()}`;
  await form.getByTestId("recipient-group-name").fill(name);
  const input = form.getByTestId("group-member-input");
  const members = form.getByTestId("group-member");
  // Typed without diacritics, the district offers itself and its whole branch (the clerk's own
  // ward left out).
  await input.fill("hoang mai");
  await page
    .getByRole("option", { name: /Cả \d+ cơ quan trực thuộc Ủy ban nhân dân quận Hoàng Mai/ })
    .click();
  await expect(members.filter({ hasText: "Ủy ban nhân dân phường Hoàng Liệt" })).toHaveCount(1);
  await expect(members.filter({ hasText: "Ủy ban nhân dân phường Định Công" })).toHaveCount(0);
  await input.fill("hoang mai");
  await page.getByRole("option").filter({ hasText: "000.00.28.H26" }).click();
  // Found by its code.
  await input.fill("000.00.00.H26");
  await page.getByRole("option").filter({ hasText: "000.00.00.H26" }).click();
  await expect(members).toHaveCount(3);
  // One taken out again with its own button, named after it.
  await form
    .getByRole("button", { name: "Bỏ “Ủy ban nhân dân Thành phố Hà Nội” khỏi nhóm" })
    .click();
  await expect(members).toHaveCount(2);
  await expect(members.filter({ hasText: "Thành phố Hà Nội" })).toHaveCount(0);
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "recipient-group-form-390");
  await form.getByTestId("recipient-group-submit").click();

  const row = manager.getByTestId("recipient-group-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Ủy ban nhân dân phường Hoàng Liệt");
  await expect(row).not.toContainText("Thành phố Hà Nội");
  await shot(page, "recipient-groups-390");
  await page.keyboard.press("Escape");
  await expect(manager).toBeHidden();

  // The drafter fills the addressees from the group in one step.
  await page.getByTestId("recipient-groups-menu").click();
  await page.getByTestId("apply-recipient-group").filter({ hasText: name }).click();
  await expect(page.getByTestId("addressee")).toHaveCount(2);
  await expect(page.getByTestId("addressee").first()).toContainText(
    "Ủy ban nhân dân phường Hoàng Liệt",
  );

  // Deleted, the group leaves the addressees it gave.
  await page.getByTestId("recipient-groups-menu").click();
  await page.getByTestId("manage-recipient-groups").click();
  await row.getByTestId("delete-recipient-group").click();
  await page.getByTestId("confirm-recipient-group-delete").click();
  await expect(page.getByText(`Đã xóa nhóm «${name}».`)).toBeVisible();
  await expect(manager.getByTestId("recipient-group-row").filter({ hasText: name })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("addressee")).toHaveCount(2);
  await context.close();
});
