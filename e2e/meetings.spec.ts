import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// Two organisers reach for one room at overlapping times; the second is told why and takes the
// free slot offered; an invitee accepts. A room of its own keeps runs on one database apart.

/** dd/MM/yyyy of the day `n` days from today in Vietnam, as the date field takes it. */
function dayFromToday(n: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + n * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

async function personPage(browser: Browser, username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

async function fillMeeting(
  page: Page,
  m: { title: string; day: string; start: string; end: string; room: string; invite?: string },
) {
  await page.goto("/meetings/new");
  await page.getByTestId("meeting-title").fill(m.title);
  const day = page.getByTestId("meeting-day");
  await day.fill(m.day);
  await day.blur();
  await page.getByTestId("meeting-start").fill(m.start);
  await page.getByTestId("meeting-end").fill(m.end);
  await page.getByTestId("meeting-room").click();
  await page.getByRole("option", { name: new RegExp(m.room) }).click();
  if (m.invite) {
    await page.getByTestId("meeting-participants").click();
    await page.getByTestId("meeting-participants").fill(m.invite);
    await page
      .getByRole("option", { name: new RegExp(m.invite) })
      .first()
      .click();
    await page.keyboard.press("Escape");
  }
}

test("two organisers, one room: the second is offered the next free slot and takes it; the invitee accepts", async ({
  browser,
  shot,
}) => {
  test.setTimeout(120_000);
  const roomName = `Phòng họp thử ${Date.now().toString(36)}`;
  const day = dayFromToday(20);

  // The clerk adds the room.
  const clerk = await personPage(browser, "vanthu.dc");
  await clerk.goto("/admin/rooms");
  await clerk.getByTestId("add-room").click();
  await clerk.getByTestId("room-name").fill(roomName);
  await clerk.getByTestId("save-room").click();
  await expect(clerk.getByTestId("room-card").filter({ hasText: roomName })).toBeVisible();

  // The unit head fills in 10:30-11:30 while the room is still free ...
  const head = await personPage(browser, "truongphong.kt");
  await fillMeeting(head, {
    title: "Họp tổ kinh tế",
    day,
    start: "10:30",
    end: "11:30",
    room: roomName,
    invite: "Lê Minh Tuấn",
  });
  await expect(head.getByTestId("room-free")).toBeVisible();

  // ... and the clerk books 10:00-11:00 first.
  await fillMeeting(clerk, {
    title: "Họp văn phòng",
    day,
    start: "10:00",
    end: "11:00",
    room: roomName,
  });
  await clerk.getByTestId("meeting-submit").click();
  await expect(clerk.getByTestId("meeting-heading")).toHaveText("Họp văn phòng");

  // The unit head's submit is refused with the reason, and the form offers 11:00-12:00.
  await head.getByTestId("meeting-submit").click();
  // Said on the room field and in the notification alike.
  await expect(
    head
      .getByTestId("meeting-form")
      .getByText(`${roomName} đã được đặt lúc ${day} 10:00–11:00`, { exact: false }),
  ).toBeVisible();
  await expect(head.getByTestId("room-taken")).toContainText(`${day} 10:00–11:00`);
  await expect(head.getByTestId("room-suggestion")).toContainText(`${day} 11:00–12:00`);
  await shot(head, "meetings-conflict-1280");
  await head.getByTestId("use-slot").click();
  await expect(head.getByTestId("meeting-start")).toHaveValue("11:00");
  await expect(head.getByTestId("meeting-end")).toHaveValue("12:00");
  await expect(head.getByTestId("room-free")).toBeVisible();
  await head.getByTestId("meeting-submit").click();
  await expect(head.getByTestId("meeting-heading")).toHaveText("Họp tổ kinh tế");
  await expect(head.locator("#main-content").getByText(`${day} 11:00–12:00`)).toBeVisible();
  await shot(head, "meetings-detail-1280");

  // The same conflict on a phone.
  const phone = await personPage(browser, "chutich.dc", 390);
  await fillMeeting(phone, {
    title: "Họp thường trực",
    day,
    start: "10:15",
    end: "11:15",
    room: roomName,
  });
  await expect(phone.getByTestId("room-suggestion")).toContainText(`${day} 12:00–13:00`);
  await shot(phone, "meetings-conflict-390");

  // The invitee answers.
  const invitee = await personPage(browser, "chuyenvien.kt");
  await invitee.goto("/meetings");
  const invitation = invitee.getByTestId("invitation").filter({ hasText: "Họp tổ kinh tế" });
  await expect(invitation).toContainText(`${day} 11:00–12:00`);
  await invitation.getByTestId("accept-meeting").click();
  await expect(invitee.getByTestId("invitation").filter({ hasText: "Họp tổ kinh tế" })).toHaveCount(
    0,
  );
  await expect(
    invitee.getByTestId("upcoming-meeting").filter({ hasText: "Họp tổ kinh tế" }),
  ).toContainText("Tham dự");
  await shot(invitee, "meetings-list-1280");
  const invitePhone = await personPage(browser, "chuyenvien.kt", 390);
  await invitePhone.goto("/meetings");
  await expect(invitePhone.getByTestId("upcoming-meeting").first()).toBeVisible();
  await shot(invitePhone, "meetings-list-390");
});
