// Times are on the 24-hour clock whatever the browser's language: an English-speaking phone
// types "2:30 pm" into a meeting's start and sees 14:30, and picks the end from the half hours.
import { expect, signIn, test } from "./fixtures";
import { widthProblems } from "./width";

test("a meeting's times on an English phone", async ({ browser, shot }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "en-US",
  });
  const page = await context.newPage();
  await signIn(page, "vanthu.dc");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/meetings/new");

  const start = page.getByTestId("meeting-start");
  const end = page.getByTestId("meeting-end");
  await start.fill("2:30 pm");
  await page.getByTestId("meeting-title").click();
  await expect(start).toHaveValue("14:30");

  // A time that does not exist is said so, and stays as typed.
  await end.fill("25:00");
  await expect(page.getByText("That time does not exist: 00:00 to 23:59.")).toBeVisible();
  await expect(end).toHaveValue("25:00");

  await page.getByRole("button", { name: "Pick a time" }).nth(1).click();
  await expect(page.getByRole("button", { name: "15:30", exact: true })).toBeVisible();
  await shot(page, "time-field-picker-390");
  await page.getByRole("button", { name: "15:30", exact: true }).click();
  await expect(end).toHaveValue("15:30");
  await expect(page.getByText("That time does not exist: 00:00 to 23:59.")).toHaveCount(0);
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await context.close();
});
