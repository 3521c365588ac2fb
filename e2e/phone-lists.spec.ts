// Lists of choices inside the windows that fill a touch phone's screen: each opens where the
// finger taps, even in a field far down a window that has been scrolled, and the choice sticks.
// Nothing is saved: each window is cancelled.
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function touchPhone(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** The pills of a multi-select show each chosen name whole, on two lines if need be. */
async function expectWholeNames(field: Locator) {
  const cut = await field
    .locator("..")
    .locator(".mantine-Pill-label")
    .evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
    );
  expect(cut).toEqual([]);
}

test("an admin chooses a registry's numbering period on a touch phone", async ({ browser }) => {
  const page = await touchPhone(browser, "quantri.dc");
  await page.goto("/admin/registries");
  await page.getByTestId("create-registry-button").first().tap();
  const form = page.getByTestId("registry-form");
  await expect(form.getByTestId("registry-term-start-input")).toHaveCount(0);
  await form.getByTestId("registry-period-select").tap();
  await page.getByRole("option", { name: "Theo nhiệm kỳ" }).tap();
  await expect(form.getByTestId("registry-term-start-input")).toBeVisible();
  await form.getByRole("button", { name: "Hủy" }).tap();
  await expect(form).toHaveCount(0);
  await page.context().close();
});

test("a clerk names the signer of a template's fourth step, scrolled down a touch phone", async ({
  browser,
  shot,
}) => {
  const page = await touchPhone(browser, "vanthu.dc");
  await page.goto("/admin/route-templates");
  await page.getByTestId("create-route-template").first().tap();
  const form = page.getByTestId("route-template-form");
  await form.getByTestId("template-add-step").tap();
  const people = form.getByTestId("template-step-4-people");
  await people.scrollIntoViewIfNeeded();
  await people.tap();
  await page.getByRole("option", { name: /Nguyễn Đức Thắng/ }).tap();
  await expect(form.getByTestId("template-step-4-people").locator("..")).toContainText(
    "Nguyễn Đức Thắng",
  );
  await expectWholeNames(people);
  await shot(page, "route-template-step-people-390");
  await form.getByRole("button", { name: "Hủy" }).tap();
  await expect(form).toHaveCount(0);
  await page.context().close();
});

test("the deployment admin picks a peer's organisations on a touch phone", async ({ browser }) => {
  const page = await touchPhone(browser, "quantri");
  await page.goto("/admin/exchange");
  await page.getByTestId("add-peer").tap();
  const form = page.getByTestId("peer-form");
  await form.getByTestId("peer-organisations").tap();
  await page.getByRole("option", { name: /Ủy ban nhân dân phường Hoàng Liệt/ }).tap();
  // The list stays open for more; a tap elsewhere in the window closes it.
  await form.getByTestId("peer-name").tap();
  await expect(page.getByRole("option")).toHaveCount(0);
  await expect(form.getByTestId("peer-organisations").locator("..")).toContainText(
    "Ủy ban nhân dân phường Hoàng Liệt",
  );
  await expectWholeNames(form.getByTestId("peer-organisations"));
  await form.getByRole("button", { name: "Hủy" }).tap();
  await expect(form).toHaveCount(0);
  await page.context().close();
});
