import type { AddressInfo } from "node:net";
import { and, count, eq, sql } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { mailOutbox, mailPreference } from "@/db/schema/mail";
import { notification } from "@/db/schema/notify";
import { appUser } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { completePasswordReset, requestPasswordReset } from "../auth/password-reset";
import { verifyPassword } from "../auth/password";
import { AppError } from "../errors";
import { notifyUsers } from "../notify/notify";
import { freshDatabase } from "../testing/test-db";
import { loadActor } from "../authz/actor";
import { createMeeting } from "../meetings/create";
import { applyMeetingAction } from "../meetings/workflow";
import { parseIcalendar } from "../testing/icalendar";
import { sendDailyDigests } from "./digest";
import { getMailPreferences, updateMailPreferences } from "./preferences";
import { drainMail } from "./drain";
import { mailSettings } from "./settings";

let db: Db;
let users: Record<string, string>;
let orgs: Record<string, string>;
let smtp: SMTPServer;
const received: ParsedMail[] = [];
/** What the test SMTP server answers to the next messages: accept, or a temporary refusal. */
let mode: "accept" | "refuse" = "accept";

const ADDRESS = {
  "chuyenvien.kt": "tuan.lm@dinhcong.test",
  "chuyenvien.vhxh": "hanh.dt@dinhcong.test",
  "truongphong.kt": "bao.tq@dinhcong.test",
};

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users, orgs } = await seedDemo(db));
  for (const [username, email] of Object.entries(ADDRESS)) {
    await db.update(appUser).set({ email }).where(eq(appUser.id, users[username]!));
  }
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (mode === "refuse") {
            const error = new Error("Mailbox busy, try later") as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
            return;
          }
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String((smtp.server.address() as AddressInfo).port);
  process.env.MAIL_FROM = "Liên Thông <no-reply@lienthong.test>";
  process.env.PUBLIC_URL = "https://lienthong.test";
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

beforeEach(async () => {
  mode = "accept";
  received.length = 0;
  // Each test starts with nothing waiting and everyone on the default (digest).
  await db.delete(mailOutbox).where(sql`true`);
  await db.delete(mailPreference).where(sql`true`);
  await db
    .update(notification)
    .set({ readAt: new Date() })
    .where(sql`true`);
});

const notify = (usernames: string[], messageKey: string, title: string) =>
  notifyUsers(db, {
    organisationId: orgs.dinhcong!,
    userIds: usernames.map((u) => users[u]!),
    kind: "notice",
    messageKey,
    params: { title, href: "/notices/8c7e0f4e-5a7c-4b7e-9a43-1c2d3e4f5a6b" },
  });

const outbox = () => db.select().from(mailOutbox).orderBy(mailOutbox.id);

describe("sending", () => {
  it("mails an urgent notification at once: recipient, Vietnamese subject, text and HTML, link", async () => {
    await notify(["chuyenvien.kt"], "noticeReminder", "Lịch trực Tết Nguyên đán");
    expect(await drainMail(db)).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to && "value" in mail.to ? mail.to.value[0]!.address : null).toBe(
      ADDRESS["chuyenvien.kt"],
    );
    expect(mail.subject).toBe(
      "[Liên Thông] Nhắc: bạn chưa đọc thông báo «Lịch trực Tết Nguyên đán»",
    );
    expect(mail.text).toContain("Kính gửi Lê Minh Tuấn,");
    expect(mail.text).toContain(
      "https://lienthong.test/notices/8c7e0f4e-5a7c-4b7e-9a43-1c2d3e4f5a6b",
    );
    expect(mail.html).toContain(
      'href="https://lienthong.test/notices/8c7e0f4e-5a7c-4b7e-9a43-1c2d3e4f5a6b"',
    );
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@lienthong\.test>$/);
  });

  it("sends each message once, however often and however many drains run", async () => {
    await notify(
      ["chuyenvien.kt", "chuyenvien.vhxh", "truongphong.kt"],
      "noticeReminderConfirm",
      "Họp giao ban",
    );
    await notify(["chuyenvien.kt", "chuyenvien.vhxh"], "noticeReminder", "Lịch trực");
    const results = await Promise.all([drainMail(db), drainMail(db), drainMail(db)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect(await drainMail(db)).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(5);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(5);
  });

  it("keeps a refused message and sends it once the server takes mail again; nothing is lost", async () => {
    await notify(["chuyenvien.kt"], "noticeReminder", "Kế hoạch tiêm chủng");
    mode = "refuse";
    expect(await drainMail(db)).toMatchObject({ sent: 0, retried: 1 });
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a drain now leaves it alone.
    mode = "accept";
    expect(await drainMail(db)).toMatchObject({ sent: 0, retried: 0 });

    // The server unreachable (nothing listens on the port) is the same: retried later.
    await db
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(sql`true`);
    const down = { ...mailSettings()!, port: 1 };
    expect(await drainMail(db, { settings: down })).toMatchObject({ sent: 0, retried: 1 });

    await db
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(sql`true`);
    expect(await drainMail(db)).toMatchObject({ sent: 1 });
    expect(received.map((m) => m.subject)).toEqual([
      "[Liên Thông] Nhắc: bạn chưa đọc thông báo «Kế hoạch tiêm chủng»",
    ]);
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("never sends again a message whose sending was interrupted", async () => {
    await notify(["chuyenvien.kt"], "noticeReminder", "Phòng cháy chữa cháy");
    // A drain claimed it, then its process died before recording the outcome.
    await db
      .update(mailOutbox)
      .set({ status: "sending", attempts: 1, claimedAt: sql`now() - interval '1 hour'` })
      .where(sql`true`);
    expect(await drainMail(db)).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
    expect((await outbox())[0]).toMatchObject({ status: "uncertain" });
  });
});

describe("a meeting invitation", () => {
  /** The text/calendar part of a received mail and its METHOD parameter. */
  const calendarOf = (mail: ParsedMail) => {
    const part = mail.attachments.find((a) => a.contentType === "text/calendar");
    if (!part) return null;
    const type = part.headers.get("content-type") as { params?: Record<string, string> };
    return { method: type.params?.method, ics: part.content.toString("utf8") };
  };

  it("carries the meeting as an iCalendar invitation, and its cancellation as a CANCEL", async () => {
    const chair = (await loadActor(db, { userId: users["chutich.dc"]!, sessionEpoch: 1 }))!;
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await createMeeting(db, chair, {
      title: "Giao ban đầu tuần",
      agenda: "Điểm lại công việc tuần",
      day,
      startTime: "08:00",
      endTime: "09:00",
      roomId: null,
      locationText: "Hội trường tầng 2",
      recurrence: { kind: "weekly", end: { count: 4 } },
      participantIds: [users["chuyenvien.kt"]!],
    });
    await drainMail(db);
    expect(received).toHaveLength(1);
    const invitation = calendarOf(received[0]!);
    expect(invitation?.method).toBe("REQUEST");
    // The same calendar also travels as a file for mail programs that do not read the part.
    expect(received[0]!.attachments.map((a) => a.filename)).toContain("invite.ics");
    const parsed = parseIcalendar(invitation!.ics);
    expect(parsed.method).toBe("REQUEST");
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]).toMatchObject({
      uid: `meeting-${created.id}@lienthong.invalid`,
      summary: "Giao ban đầu tuần",
      start: `${day}T08:00:00+07:00`,
      tz: "Asia/Ho_Chi_Minh",
      rrule: "FREQ=WEEKLY;COUNT=4",
      location: "Hội trường tầng 2",
    });
    expect(parsed.events[0]!.attendees.map((a) => a.toLowerCase())).toContain(
      `mailto:${ADDRESS["chuyenvien.kt"]}`,
    );

    received.length = 0;
    await applyMeetingAction(db, chair, {
      id: created.id,
      version: created.version,
      input: { action: "cancel", reason: "Trùng lịch họp cấp trên" },
    });
    await drainMail(db);
    expect(received).toHaveLength(1);
    const cancellation = calendarOf(received[0]!);
    expect(cancellation?.method).toBe("CANCEL");
    const cancelled = parseIcalendar(cancellation!.ics);
    expect(cancelled.events[0]).toMatchObject({
      uid: `meeting-${created.id}@lienthong.invalid`,
      status: "CANCELLED",
    });
  });

  it("is not attached to other mail", async () => {
    await notify(["chuyenvien.kt"], "noticeReminder", "Lịch trực");
    await drainMail(db);
    expect(calendarOf(received[0]!)).toBeNull();
    const [row] = await outbox();
    expect(row!.calendar).toBeNull();
  });
});

describe("preferences and the daily digest", () => {
  it("are each person's own: an address taken by another account or a stale version is refused", async () => {
    const hanh = (await loadActor(db, { userId: users["chuyenvien.vhxh"]!, sessionEpoch: 1 }))!;
    const first = await getMailPreferences(db, hanh);
    expect(first).toMatchObject({ mode: "digest", version: 0, email: ADDRESS["chuyenvien.vhxh"] });
    const taken = await updateMailPreferences(db, hanh, {
      mode: "immediate",
      email: ADDRESS["chuyenvien.kt"].toUpperCase(),
      version: 0,
    }).catch((e: AppError) => e);
    expect((taken as AppError).fieldErrors.email?.[0]?.key).toBe("mail.emailTaken");
    const saved = await updateMailPreferences(db, hanh, {
      mode: "never",
      email: "hanh.moi@dinhcong.test",
      version: 0,
    });
    expect(saved.version).toBe(1);
    const stale = await updateMailPreferences(db, hanh, {
      mode: "immediate",
      email: null,
      version: 0,
    }).catch((e: AppError) => e);
    expect((stale as AppError).code).toBe("STALE");
    expect(await getMailPreferences(db, hanh)).toMatchObject({
      mode: "never",
      email: "hanh.moi@dinhcong.test",
      version: 1,
    });
    await db
      .update(appUser)
      .set({ email: ADDRESS["chuyenvien.vhxh"] })
      .where(eq(appUser.id, users["chuyenvien.vhxh"]!));
  });

  it("mails at once, gathers in the morning, or not at all, as each person chose", async () => {
    await db.insert(mailPreference).values([
      { userId: users["chuyenvien.vhxh"]!, mode: "immediate" },
      { userId: users["truongphong.kt"]!, mode: "never" },
    ]);
    const everyone = ["chuyenvien.kt", "chuyenvien.vhxh", "truongphong.kt"];
    await notify(everyone, "noticePublished", "Thông báo nghỉ Tết");
    await notify(everyone, "noticeToConfirm", "Nội quy cơ quan");
    await notify(everyone, "noticeReminderConfirm", "Họp giao ban tuần");
    // Read before the digest: left out of it.
    await db
      .update(notification)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notification.userId, users["chuyenvien.kt"]!),
          sql`${notification.params}->>'title' = 'Nội quy cơ quan'`,
        ),
      );
    await drainMail(db);
    const immediate = received.map(
      (m) => `${m.to && "value" in m.to ? m.to.value[0]!.address : ""}|${m.subject}`,
    );
    expect(immediate.sort()).toEqual(
      [
        `${ADDRESS["chuyenvien.kt"]}|[Liên Thông] Nhắc: bạn chưa xác nhận đã đọc thông báo «Họp giao ban tuần»`,
        `${ADDRESS["chuyenvien.vhxh"]}|[Liên Thông] Thông báo mới: Thông báo nghỉ Tết`,
        `${ADDRESS["chuyenvien.vhxh"]}|[Liên Thông] Thông báo mới, cần xác nhận đã đọc: Nội quy cơ quan`,
        `${ADDRESS["chuyenvien.vhxh"]}|[Liên Thông] Nhắc: bạn chưa xác nhận đã đọc thông báo «Họp giao ban tuần»`,
      ].sort(),
    );
    received.length = 0;

    const morning = new Date("2026-12-07T00:00:00Z");
    expect(await sendDailyDigests(db, morning)).toBe(1);
    expect(await sendDailyDigests(db, morning)).toBe(0);
    await drainMail(db);
    expect(received).toHaveLength(1);
    const digest = received[0]!;
    expect(digest.to && "value" in digest.to ? digest.to.value[0]!.address : null).toBe(
      ADDRESS["chuyenvien.kt"],
    );
    expect(digest.subject).toBe("[Liên Thông] 1 thông báo mới đến ngày 07/12/2026");
    expect(digest.text).toContain("Thông báo mới: Thông báo nghỉ Tết");
    expect(digest.text).not.toContain("Nội quy cơ quan");
    expect(digest.text).not.toContain("Họp giao ban tuần");

    // Only what came after it goes in the next one.
    received.length = 0;
    await notify(["chuyenvien.kt"], "noticePublished", "Lịch tiếp công dân");
    expect(await sendDailyDigests(db, new Date("2026-12-08T00:00:00Z"))).toBe(1);
    await drainMail(db);
    expect(received[0]!.text).toContain("Lịch tiếp công dân");
    expect(received[0]!.text).not.toContain("Thông báo nghỉ Tết");
  });
});

describe("a forgotten password", () => {
  const linkIn = (mail: ParsedMail) => {
    const match = /https:\/\/lienthong\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(
      mail.text ?? "",
    );
    expect(match).not.toBeNull();
    return match![1]!;
  };
  const hashOf = async (username: string) =>
    (await db.select().from(appUser).where(eq(appUser.id, users[username]!)))[0]!;
  const refused = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (e) {
      if (e instanceof AppError) return e.messageKey;
      throw e;
    }
    throw new Error("expected a refusal");
  };

  it("is reset by the mailed link once; the old password and the used link stop working", async () => {
    const before = await hashOf("chuyenvien.kt");
    const t0 = Date.now();
    await requestPasswordReset(db, { login: "chuyenvien.kt" });
    const known = Date.now() - t0;
    // Asked again at once: the same answer, no second mail.
    await requestPasswordReset(db, { login: ADDRESS["chuyenvien.kt"].toUpperCase() });
    await drainMail(db);
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe("[Liên Thông] Đặt lại mật khẩu");
    const token = linkIn(received[0]!);
    // The database holds neither the token nor the link.
    const stored = JSON.stringify(await db.select().from(mailOutbox));
    expect(stored).not.toContain(token);

    expect(await completePasswordReset(db, { token, newPassword: "MatKhauMoi2027" })).toEqual({
      username: "chuyenvien.kt",
    });
    const after = await hashOf("chuyenvien.kt");
    expect(await verifyPassword(after.passwordHash, "MatKhauMoi2027")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "LienThong@2026")).toBe(false);
    expect(after.sessionEpoch).toBe(before.sessionEpoch + 1);
    expect(await refused(completePasswordReset(db, { token, newPassword: "KhacNua2028" }))).toBe(
      "auth.resetLinkInvalid",
    );

    // An unknown account: the same answer, in about the same time, and no mail.
    received.length = 0;
    const t1 = Date.now();
    await requestPasswordReset(db, { login: "khong.co.ai" });
    const unknown = Date.now() - t1;
    expect(Math.abs(unknown - known)).toBeLessThan(250);
    await drainMail(db);
    expect(received).toHaveLength(0);
  });

  it("refuses an expired link and one replaced by a newer one", async () => {
    const longAgo = new Date(Date.now() - 2 * 3600_000);
    await requestPasswordReset(db, { login: "chuyenvien.vhxh" }, { now: longAgo });
    await drainMail(db);
    const expired = linkIn(received[0]!);
    expect(
      await refused(completePasswordReset(db, { token: expired, newPassword: "MatKhauMoi2027" })),
    ).toBe("auth.resetLinkInvalid");

    received.length = 0;
    await requestPasswordReset(
      db,
      { login: "truongphong.kt" },
      { now: new Date(Date.now() - 600_000) },
    );
    await requestPasswordReset(db, { login: "truongphong.kt" });
    await drainMail(db);
    expect(received).toHaveLength(2);
    const [older, newer] = received.map(linkIn);
    expect(
      await refused(completePasswordReset(db, { token: older!, newPassword: "MatKhauMoi2027" })),
    ).toBe("auth.resetLinkInvalid");
    await completePasswordReset(db, { token: newer!, newPassword: "MatKhauMoi2027" });
    const [resets] = await db
      .select({ n: count() })
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, "passwordReset"));
    expect(resets!.n).toBe(3);
  });
});
