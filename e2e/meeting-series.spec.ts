// A weekly briefing: on a phone its organiser moves one Monday to the Tuesday, the series keeps
// the rest; the office then puts that occurrence on the work schedule, on the day it moved to.
import { addDays, vietnamToday } from "@/lib/dates";
import { expect, signIn, test } from "./fixtures";
import { call } from "./trpc";
import { widthProblems } from "./width";

const TITLE = "Giao ban thường trực Đảng ủy";
const ddMMyyyy = (day: string) => day.split("-").reverse().join("/");

/** The first Monday at least five weeks from today: a stretch no other scenario uses. */
function mondayAhead(): string {
  for (let n = 35; ; n++) {
    const day = addDays(vietnamToday(), n);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day;
  }
}

test("one occurrence of a series moved on a phone, then put on the schedule where it moved", async ({
  browser,
  shot,
}) => {
  test.setTimeout(90_000);
  const monday = mondayAhead();
  const secondMonday = addDays(monday, 7);
  const tuesday = addDays(monday, 8);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const chair = await context.newPage();
  await signIn(chair, "chutich.dc");
  const created = await call<{ id: string }>(
    chair,
    "meetings.create",
    {
      title: TITLE,
      agenda: "",
      day: monday,
      startTime: "07:30",
      endTime: "08:30",
      roomId: null,
      locationText: "Phòng họp tầng 2",
      recurrence: { kind: "weekly", end: { count: 4 } },
      participantIds: [],
    },
    { mutation: true },
  );

  await chair.goto(`/meetings/${created.id}`);
  await expect(chair.getByTestId("meeting-heading")).toHaveText(TITLE);
  // A weekly series that names no day repeats on its first day's.
  await expect(chair.locator("#main-content")).toContainText("Hằng tuần vào T2, 4 buổi");
  await chair.getByTestId("move-occurrence").nth(1).click();
  const form = chair.getByTestId("move-occurrence-form");
  await expect(form).toContainText(`${ddMMyyyy(secondMonday)} 07:30`);
  const day = form.getByRole("textbox", { name: "Ngày" });
  await day.fill(ddMMyyyy(tuesday));
  await day.blur();
  await form.getByTestId("move-start").fill("14:00");
  await form.getByTestId("move-end").fill("15:00");
  await shot(chair, "meeting-move-occurrence-390");
  await chair.getByTestId("move-occurrence-submit").click();
  await expect(form).toBeHidden();
  const moved = chair.getByRole("row").filter({ hasText: `${ddMMyyyy(tuesday)} 14:00` });
  await expect(moved).toContainText("Đã dời");
  // The other Mondays keep their time.
  await expect(
    chair.getByRole("row").filter({ hasText: `${ddMMyyyy(addDays(monday, 14))} 07:30` }),
  ).toBeVisible();
  await expect.poll(() => widthProblems(chair)).toEqual([]);
  await shot(chair, "meeting-series-390");

  // The office puts that occurrence on the leadership's schedule: it lands on the Tuesday.
  const clerk = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await signIn(clerk, "vanthu.dc");
  await clerk.goto(`/meetings/${created.id}`);
  await clerk
    .getByRole("row")
    .filter({ hasText: `${ddMMyyyy(tuesday)} 14:00` })
    .getByRole("link", { name: "Đưa vào lịch" })
    .click();
  await expect(clerk.getByTestId("schedule-source-banner")).toContainText(TITLE, {
    timeout: 30_000,
  });
  await clerk.getByTestId("schedule-create").click();
  await clerk.getByTestId("schedule-source-add").click();
  const entry = clerk.getByTestId("schedule-entry-form");
  await expect(entry.getByTestId("schedule-start-input")).toHaveValue("14:00");
  await expect(entry.getByTestId("schedule-location-input")).toHaveValue("Phòng họp tầng 2");
  await clerk.getByTestId("schedule-entry-submit").click();
  await expect(entry).toBeHidden();
  await expect(
    clerk.getByTestId("schedule-table").getByTestId("schedule-entry").filter({ hasText: TITLE }),
  ).toContainText("14:00 - 15:00");
  await expect(clerk.getByTestId("schedule-source-banner")).toContainText("Đã có trong lịch này.");

  // The chair moves that occurrence once more, to the Wednesday morning: the office is shown
  // where it went and brings the entry in line in one step.
  const wednesday = addDays(monday, 9);
  const { version } = await call<{ version: number }>(chair, "meetings.get", { id: created.id });
  await call(
    chair,
    "meetings.moveOccurrence",
    {
      id: created.id,
      version,
      occurrenceStart: new Date(`${secondMonday}T00:30:00Z`).toISOString(),
      day: wednesday,
      startTime: "09:00",
      endTime: "10:00",
      roomId: null,
      locationText: null,
      title: null,
    },
    { mutation: true },
  );
  await clerk.reload();
  const row = clerk
    .getByTestId("schedule-table")
    .getByTestId("schedule-entry")
    .filter({ hasText: TITLE });
  await expect(row.getByTestId("schedule-entry-drift")).toContainText(
    `Cuộc họp đã dời sang ${ddMMyyyy(wednesday)} 09:00–10:00.`,
  );
  await shot(clerk, "schedule-entry-drift-1280");
  await row.getByTestId("schedule-entry-follow").click();
  await expect(entry.getByTestId("schedule-start-input")).toHaveValue("09:00");
  await clerk.getByTestId("schedule-entry-submit").click();
  await expect(entry).toBeHidden();
  const wednesdayRow = clerk
    .getByTestId("schedule-table")
    .getByTestId("schedule-entry")
    .filter({ hasText: TITLE });
  await expect(wednesdayRow).toContainText("09:00 - 10:00");
  await expect(wednesdayRow.getByTestId("schedule-entry-drift")).toHaveCount(0);
});
