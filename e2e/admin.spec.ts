import { expect, shot, signIn, signInWithForm, test } from "./fixtures";

test.describe("organisation administration", () => {
  test("an organisation admin creates a user who then signs in and chooses a password", async ({
    page,
  }) => {
    await signIn(page, "quantri.dc");
    await page.getByRole("link", { name: "Người dùng" }).first().click();
    await expect(page.getByTestId("user-row-chuyenvien.kt")).toBeVisible();
    await shot(page, "admin-users");

    await page.getByTestId("create-user-button").click();
    const form = page.getByTestId("user-form");
    // Nothing filled in: the server names every missing field.
    await page.getByTestId("user-form-submit").click();
    await expect(form.getByText("Trường này là bắt buộc.").first()).toBeVisible();

    await page.getByTestId("user-username-input").fill("chuyenvien.moi");
    await page.getByTestId("user-full-name-input").fill("Nguyễn Thị Ánh Tuyết");
    await page.getByTestId("user-job-title-input").fill("Chuyên viên");
    await page.getByTestId("role-checkbox-specialist").check();
    await page.getByTestId("user-password-input").fill("TamThoi2026x");
    await page.getByTestId("user-form-submit").click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId("user-row-chuyenvien.moi")).toContainText("Nguyễn Thị Ánh Tuyết");
    // The success toast sits below the header: the bell stays visible and clickable.
    const toast = page.locator(".mantine-Notification-root").first();
    await expect(toast).toBeVisible();
    const bell = (await page.getByTestId("notification-bell").boundingBox())!;
    expect((await toast.boundingBox())!.y).toBeGreaterThanOrEqual(bell.y + bell.height);

    // The same username again is refused on its field.
    await page.getByTestId("create-user-button").click();
    await page.getByTestId("user-username-input").fill("chuyenvien.moi");
    await page.getByTestId("user-full-name-input").fill("Người Trùng Tên");
    await page.getByTestId("role-checkbox-specialist").check();
    await page.getByTestId("user-password-input").fill("TamThoi2026x");
    await page.getByTestId("user-form-submit").click();
    await expect(page.getByTestId("user-form")).toContainText(
      /đã (có người dùng|được sử dụng|tồn tại)/,
    );
    await shot(page, "admin-users-duplicate");
    await page.keyboard.press("Escape");

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // A temporary password opens nothing but the account page, where it is changed.
    await signInWithForm(page, "chuyenvien.moi", "TamThoi2026x");
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("temporary-password-alert")).toContainText(
      "Mật khẩu của bạn vừa được đặt lại",
    );
    await page.goto("/incoming");
    await expect(page).toHaveURL(/\/account$/);
    await shot(page, "new-user-temporary-password");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await shot(page, "new-user-temporary-password-phone");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByLabel("Mật khẩu hiện tại").fill("TamThoi2026x");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("ngan");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("khac");
    await page.getByTestId("change-password-submit").click();
    await expect(
      page.getByText("Mật khẩu cần ít nhất 10 ký tự, gồm chữ và số.").first(),
    ).toBeVisible();
    await expect(page.getByText("Mật khẩu nhập lại không khớp.")).toBeVisible();
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("AnhTuyet2026");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("AnhTuyet2026");
    await page.getByTestId("change-password-submit").click();
    await expect(page.getByText("Đã đổi mật khẩu.")).toBeVisible();
    await expect(page.getByTestId("temporary-password-alert")).toBeHidden();
    await page.goto("/");
    await expect(page.getByTestId("who-am-i")).toContainText("Nguyễn Thị Ánh Tuyết");
    await expect(page.getByTestId("workplace")).toContainText("Ủy ban nhân dân phường Định Công");
  });

  test("a unit form shows the server's field errors", async ({ page }) => {
    await signIn(page, "quantri.dc");
    await page.goto("/admin/units");
    await expect(page.getByTestId("unit-row-KT")).toBeVisible();
    await page.getByTestId("create-unit-button").click();
    const form = page.getByTestId("unit-form");
    await page.getByTestId("unit-form-submit").click();
    await expect(form.getByText("Trường này là bắt buộc.")).toHaveCount(2);
    await page.getByTestId("unit-name-input").fill("Phòng Kinh tế, Hạ tầng và Đô thị");
    // The field stops at 30 characters, the server's limit.
    await page.getByTestId("unit-short-name-input").fill("KTHT-" + "X".repeat(40));
    await expect(page.getByTestId("unit-short-name-input")).toHaveValue("KTHT-" + "X".repeat(25));
    await page.getByTestId("unit-short-name-input").fill("KTHT");
    await page.getByTestId("unit-form-submit").click();
    await expect(form).toContainText(/đã có|đã tồn tại|đã được sử dụng/);
    await shot(page, "admin-units-duplicate");
  });

  test("a specialist is refused administration with a clear message", async ({ page }) => {
    await signIn(page, "chuyenvien.kt");
    await expect(page.getByRole("link", { name: "Người dùng" })).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page.getByTestId("forbidden")).toContainText(
      "Bạn không có quyền quản lý người dùng",
    );
    await shot(page, "specialist-refused");
    // The API refuses too, with the same words, whatever the page offers.
    const status = await page.evaluate(async () => {
      const res = await fetch(
        `/api/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
      );
      const body = (await res.json()) as { error: { json: { message: string } } };
      return { code: res.status, message: body.error.json.message };
    });
    expect(status.code).toBe(403);
    expect(status.message).toContain("Bạn không có quyền quản lý người dùng");
  });

  test("a deactivated user's open session ends", async ({ browser }) => {
    const specialist = await browser.newPage();
    await signIn(specialist, "chuyenvien.vhxh");
    await expect(specialist.getByTestId("who-am-i")).toBeVisible();

    const admin = await browser.newPage();
    await signIn(admin, "quantri.dc");
    await admin.goto("/admin/users");
    const row = admin.getByTestId("user-row-chuyenvien.vhxh");
    await row.getByTestId("deactivate-user-button").click();
    await admin.getByTestId("confirm-user-status").click();
    await expect(row).toContainText("Ngừng hoạt động");

    await specialist.reload();
    await expect(specialist).toHaveURL(/\/sign-in/);
    await expect(specialist.getByText("Phiên làm việc đã kết thúc")).toBeVisible();
    await signInWithForm(specialist, "chuyenvien.vhxh");
    await expect(specialist.getByTestId("sign-in-error")).toContainText("ngừng sử dụng");
    await shot(specialist, "deactivated-refused");

    // Reactivated, the same person signs in again.
    await row.getByTestId("reactivate-user-button").click();
    await admin.getByTestId("confirm-user-status").click();
    await expect(row).not.toContainText("Ngừng hoạt động");
    await signIn(specialist, "chuyenvien.vhxh");
    await expect(specialist.getByTestId("who-am-i")).toContainText("Đỗ Thị Hạnh");
  });
});

test("every member sees who works where in the directory", async ({ page }) => {
  await signIn(page, "vanthu.dc");
  await page.getByRole("link", { name: "Danh bạ" }).first().click();
  await expect(page.getByRole("heading", { name: "Danh bạ cơ quan" })).toBeVisible();
  const kt = page
    .getByTestId("directory-group")
    .filter({ hasText: "Phòng Kinh tế, Hạ tầng và Đô thị" });
  await expect(kt).toContainText("Trần Quốc Bảo");
  await expect(kt).toContainText("Trưởng đơn vị");
  await expect(page.getByTestId("directory-group").first()).toContainText("Nguyễn Đức Thắng");
  await shot(page, "directory");
});
