import { accessible } from "./a11y";
import { expect, shot, signIn, test } from "./fixtures";
import { widthProblems } from "./width";

// A unit head finds the weekly briefing on their calendar, on a computer and on a phone, and
// subscribes to it from their phone's calendar; renewing the address ends the old one.

test("a person's calendar shows their meetings and gives a subscription address that renewing ends", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "truongphong.kt");
  await page.goto("/calendar");
  await expect(page.getByRole("heading", { name: "Lịch của tôi" })).toBeVisible();
  // The demo's Monday briefing of the leadership, to which the unit heads are invited, shows in the week.
  const calendar = page.getByTestId("my-calendar");
  await expect(calendar.getByText("Giao ban").first()).toBeVisible();
  await accessible(page, "calendar, week");
  await shot(page, "calendar-week");

  await page.getByRole("tab", { name: "Xem theo tháng" }).click();
  await expect(calendar.getByText("Giao ban").first()).toBeVisible();
  await shot(page, "calendar-month");

  // The subscription address: created, shown once, served as iCalendar.
  await page.getByTestId("feed-button").click();
  const dialog = page.getByTestId("feed-dialog");
  await expect(dialog).toContainText("Bạn chưa có địa chỉ đồng bộ");
  await dialog.getByTestId("feed-renew").click();
  const first = await dialog.getByTestId("feed-url").inputValue();
  expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const pathOf = (url: string) => new URL(url).pathname;
  const served = await page.request.get(pathOf(first));
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toContain("text/calendar");
  const body = await served.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("TZID:Asia/Ho_Chi_Minh");
  await shot(page, "calendar-feed-created");

  // Renewed: the old address answers 404 at once, the new one works.
  await expect(dialog).toContainText("Ứng dụng lịch đọc lần cuối");
  await dialog.getByTestId("feed-renew").click();
  await expect(dialog.getByTestId("feed-url")).not.toHaveValue(first);
  const second = await dialog.getByTestId("feed-url").inputValue();
  expect((await page.request.get(pathOf(first))).status()).toBe(404);
  expect((await page.request.get(pathOf(second))).status()).toBe(200);
  // Nobody signed in, a made-up secret: nothing.
  expect((await page.request.get(`/api/calendar/${"x".repeat(43)}.ics`)).status()).toBe(404);
  await page.keyboard.press("Escape");

  // On a phone: the month of days, the day's items below it.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/calendar");
  await expect(page.getByRole("heading", { name: "Lịch của tôi" })).toBeVisible();
  await expect(page.getByTestId("feed-button")).toBeVisible();
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "calendar-phone");

  // The home page shows the day beside the documents.
  await page.goto("/");
  await expect(page.getByTestId("agenda-today")).toBeVisible();
  await expect(page.getByTestId("agenda-meetings")).toBeVisible();
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "home-agenda-phone");
});
