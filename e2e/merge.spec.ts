import { expect, shot, signIn, test } from "./fixtures";

test("a deployment admin merges Phường Hoàng Liệt into Phường Định Công", async ({ page }) => {
  await signIn(page, "quantri");
  await page.goto("/admin/organisations");
  const source = page.getByTestId("org-row-000.11.28.H26");
  await expect(source).toBeVisible();
  await shot(page, "org-tree");

  await page.getByTestId("org-actions-000.11.28.H26").click();
  await page.getByTestId("org-action-merge").click();
  const form = page.getByTestId("org-merge-form");
  await form.getByTestId("org-field-target").click();
  await page.getByRole("option", { name: /phường Định Công/ }).click();
  await shot(page, "org-merge-dialog");
  await page.getByTestId("org-merge-submit").click();
  await expect(form).toBeHidden();
  await expect(source).toHaveAttribute("data-status", "merged");
  await expect(source.getByTestId("org-history").first()).toContainText("Đã sáp nhập vào");
  await shot(page, "org-tree-after-merge");

  // The deployment admin also looks after another organisation's accounts.
  await page.getByTestId("org-actions-000.00.35.H40").click();
  await page.getByTestId("org-action-users").click();
  await expect(page.getByText("cán bộ, công chức thuộc Ủy ban nhân dân xã Nam Đàn")).toBeVisible();
  await expect(page.getByTestId("user-row-vanthu.namdan")).toBeVisible();
  await shot(page, "deployment-admin-other-users");

  // The ward's chairman now works in the merged ward.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Đăng xuất" }).click();
  // Signed out first: the sign-in page would otherwise still see the admin's session.
  await page.waitForURL(/\/sign-in/);
  await expect(page.getByLabel("Tên đăng nhập hoặc e-mail")).toBeVisible();
  await signIn(page, "chutich.hl");
  await expect(page.getByTestId("workplace")).toContainText("Ủy ban nhân dân phường Định Công");
  await expect(page.getByTestId("who-am-i")).toContainText("Lãnh đạo");
});
