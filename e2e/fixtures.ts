import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/db/seed/demo";

const screenshotDir = path.join(import.meta.dirname, "screenshots");

/**
 * Signs in through the form, as a user would. Waits until the app answers (it leaves
 * /sign-in, or the form shows its error) so that the next step does not race the request;
 * whether the sign-in succeeded is for the test to assert.
 */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in")),
    page.getByTestId("sign-in-error").waitFor({ state: "visible" }),
  ]).catch(() => undefined);
}

/** A full-page screenshot kept in e2e/screenshots/<name>.png for review. */
export async function shot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

type Helpers = {
  signIn: (page: Page, username: string, password?: string) => Promise<void>;
  shot: (page: Page, name: string) => Promise<void>;
};

// `provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it.
export const test = base.extend<Helpers>({
  signIn: async ({}, provide) => provide(signIn),
  shot: async ({}, provide) => provide(shot),
});

export { expect };
