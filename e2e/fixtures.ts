import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/db/seed/demo";

const screenshotDir = path.join(import.meta.dirname, "screenshots");

/**
 * Signs in through the form, as a user would. Waits until the app answers (it leaves
 * /sign-in, or the form shows its error) so that the next step does not race the request;
 * whether the sign-in succeeded is for the test to assert. For the tests of signing in itself.
 */
export async function signInWithForm(
  page: Page,
  username: string,
  password: string = DEMO_PASSWORD,
) {
  await page.goto("/sign-in");
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in")),
    page.getByTestId("sign-in-error").waitFor({ state: "visible" }),
  ]).catch(() => undefined);
}

/**
 * Signs in through next-auth's credentials endpoint (the same check of the password, the lock
 * and the account's state as the form), with the browser's own cookies, then opens the home
 * page as the form would: a spec whose subject is not signing in skips loading the form.
 * Fails at once when the server refuses.
 */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD) {
  const request = page.context().request;
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, login: username, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const signedIn = answer
    .headersArray()
    .some((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]/.test(h.value));
  if (!signedIn) {
    throw new Error(
      `Signing in as ${username} was refused (HTTP ${answer.status()}, ${answer.headers().location ?? "no redirect"}).`,
    );
  }
  await page.goto("/");
}

/** A page of its own browser context (cookies apart from every other page), signed in as `username`. */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

/**
 * A screenshot kept in e2e/screenshots/<name>.png for review: the full page, or only what the
 * screen shows (`fullPage: false`) where stretching the page for the shot would move it, as it
 * re-snaps a view that scrolls sideways.
 */
export async function shot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

type Helpers = {
  signIn: (page: Page, username: string, password?: string) => Promise<void>;
  shot: typeof shot;
};

// `provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it.
export const test = base.extend<Helpers>({
  signIn: async ({}, provide) => provide(signIn),
  shot: async ({}, provide) => provide(shot),
});

export { expect };
