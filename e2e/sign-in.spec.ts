import { demoOrganisations, DEMO_PASSWORD } from "@/db/seed/demo";
import { expect, shot, signIn, signInWithForm, test } from "./fixtures";

const roleLabels: Record<string, string> = {
  admin: "Quản trị cơ quan",
  clerk: "Văn thư",
  specialist: "Chuyên viên",
  unit_head: "Trưởng đơn vị",
  leader: "Lãnh đạo",
  deployment_admin: "Quản trị hệ thống",
};

const accounts = demoOrganisations.flatMap((org) => org.users.map((user) => ({ org, user })));
const screenshotted = new Set<string>();

test.describe("sign-in", () => {
  test("the sign-in page speaks Vietnamese", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
    await expect(page.getByLabel("Tên đăng nhập hoặc e-mail")).toBeVisible();
    await shot(page, "sign-in");
  });

  // The form itself is the subject of the tests below; here each account signs in through the
  // same credentials check, one after another in one browser, which keeps the run short.
  test("every demo account signs in and sees its organisation and its roles", async ({ page }) => {
    for (const { org, user } of accounts) {
      await test.step(`${user.username}: ${org.name}`, async () => {
        await page.context().clearCookies();
        await signIn(page, user.username, DEMO_PASSWORD);
        const who = page.getByTestId("who-am-i");
        await expect(who).toContainText(user.fullName);
        for (const role of user.roles) await expect(who).toContainText(roleLabels[role]!);
        await expect(page.getByTestId("workplace")).toContainText(org.name);
        await expect(page.getByTestId("workplace")).toContainText(org.code);
        const role = user.roles[0]!;
        if (!screenshotted.has(role)) {
          screenshotted.add(role);
          await shot(page, `home-${role}`);
        }
      });
    }
  });

  test("signs in with the e-mail address and signs out", async ({ page }) => {
    await signInWithForm(page, "VANTHU.DINHCONG@hanoi.gov.vn", DEMO_PASSWORD);
    await expect(page.getByTestId("who-am-i")).toContainText("Phạm Thị Thu");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password and an unknown user get the same message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("chuyenvien.kt");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const error = page.getByTestId("sign-in-error");
    await expect(error).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await shot(page, "sign-in-wrong-password");
    await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("khong.ton.tai");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(error).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("five wrong passwords lock the account and say when to retry", async ({ page }) => {
    await page.goto("/sign-in");
    const error = page.getByTestId("sign-in-error");
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("vanthu.bnv");
      await page.getByLabel("Mật khẩu").fill(`sai-${i}-mat-khau`);
      // Each attempt must reach the server before the next one is typed.
      await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in",
        ),
        page.getByRole("button", { name: "Đăng nhập" }).click(),
      ]);
      await expect(error).toBeVisible();
      if (i < 5) await expect(error).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    await expect(error).toContainText("Tài khoản tạm khóa");
    await expect(error).toContainText(/sau \d{2}:\d{2}/);
    // Even the right password is refused until the lock expires.
    await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("vanthu.bnv");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(error).toContainText("Tài khoản tạm khóa");
    await shot(page, "sign-in-locked");
  });

  test("the language switch turns the interface into English and back", async ({ page }) => {
    await signInWithForm(page, "chutich.dc", DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "Xin chào, Nguyễn Đức Thắng" })).toBeVisible();
    await page.getByText("EN", { exact: true }).click();
    await expect(page.getByRole("heading", { name: "Hello, Nguyễn Đức Thắng" })).toBeVisible();
    await expect(page.getByTestId("who-am-i")).toContainText("Leader");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Hello, Nguyễn Đức Thắng" })).toBeVisible();
    await shot(page, "home-english");
    await page.getByText("VI", { exact: true }).click();
    await expect(page.getByRole("heading", { name: "Xin chào, Nguyễn Đức Thắng" })).toBeVisible();
  });

  test("the shell is usable on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInWithForm(page, "chutich.dc", DEMO_PASSWORD);
    await expect(page.getByTestId("who-am-i")).toBeVisible();
    await page.getByRole("button", { name: "Mở menu" }).click();
    await expect(page.getByRole("link", { name: "Tài khoản" }).first()).toBeVisible();
    await shot(page, "home-phone-menu");
  });
});
