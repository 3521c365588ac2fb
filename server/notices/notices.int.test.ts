import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { notice, noticeRecipient } from "@/db/schema/notices";
import { fileBlob } from "@/db/schema/files";
import { notification } from "@/db/schema/notify";
import { unit } from "@/db/schema/org";
import { seedDemo } from "@/db/seed/demo";
import type { NoticeDraftInput } from "@/lib/schemas/notices";
import { loadActor, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { recordUpload } from "../files/ownership";
import { freshDatabase } from "../testing/test-db";
import { findNoticeFile } from "./files";
import { confirmNotice, listMyNotices, openNotice, pendingNoticesFor } from "./reading";
import { noticeTracking, remindNotice } from "./tracking";
import { applyNoticeAction, createNoticeDraft } from "./workflow";

let db: Db;
let users: Record<string, string>;
let orgs: Record<string, string>;
const as: Record<string, Actor> = {};

const body = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }],
});

const draft = (more: Partial<NoticeDraftInput> = {}): NoticeDraftInput => ({
  title: "Lịch trực Tết Nguyên đán",
  body: body("Các đồng chí trực theo lịch đính kèm."),
  audience: { kind: "organisation" },
  requiresConfirmation: true,
  attachments: [],
  ...more,
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function published(by: string, d: NoticeDraftInput) {
  const created = await createNoticeDraft(db, as[by]!, d);
  return applyNoticeAction(db, as[by]!, {
    id: created.id,
    version: created.version,
    input: { action: "publish" },
  });
}

async function changesOf(noticeId?: string) {
  const [n] = await db.select({ n: count() }).from(notice);
  const [r] = await db.select({ n: count() }).from(noticeRecipient);
  const [a] = await db.select({ n: count() }).from(auditEvent);
  const row = noticeId ? (await db.select().from(notice).where(eq(notice.id, noticeId)))[0] : null;
  return { notices: n!.n, recipients: r!.n, audit: a!.n, row };
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users, orgs } = await seedDemo(db));
  for (const u of [
    "chutich.dc",
    "vanthu.dc",
    "chuyenvien.kt",
    "chuyenvien.vhxh",
    "truongphong.kt",
    "chutich.hl",
    "vanthu.hl",
  ]) {
    as[u] = (await loadActor(db, { userId: users[u]!, sessionEpoch: 1 }))!;
  }
});

describe("a notice to named people", () => {
  it("is read only by its recipients; the rest of the organisation and others get NOT_FOUND", async () => {
    const n = await published(
      "chutich.dc",
      draft({ audience: { kind: "people", userIds: [users["chuyenvien.kt"]!] } }),
    );
    expect(n.status).toBe("published");
    const opened = await openNotice(db, as["chuyenvien.kt"]!, n.id);
    expect(opened.title).toBe("Lịch trực Tết Nguyên đán");
    expect(opened.mine?.readAt).toBeInstanceOf(Date);
    expect((await refused(openNotice(db, as["chuyenvien.vhxh"]!, n.id))).code).toBe("NOT_FOUND");
    expect((await refused(openNotice(db, as["chutich.hl"]!, n.id))).code).toBe("NOT_FOUND");
    expect((await refused(confirmNotice(db, as["chuyenvien.vhxh"]!, n.id))).code).toBe("NOT_FOUND");
    // Another organisation's office cannot track, remind or act on it either.
    expect(
      (await refused(noticeTracking(db, as["vanthu.hl"]!, { id: n.id, filter: "all" }))).code,
    ).toBe("NOT_FOUND");
    expect((await refused(remindNotice(db, as["vanthu.hl"]!, n.id))).code).toBe("NOT_FOUND");
    expect(
      (
        await refused(
          applyNoticeAction(db, as["vanthu.hl"]!, {
            id: n.id,
            version: n.version,
            input: { action: "withdraw" },
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // Neither sees it in their list.
    expect(
      (await listMyNotices(db, as["chuyenvien.vhxh"]!, { limit: 50 })).map((x) => x.id),
    ).not.toContain(n.id);
  });

  it("is confirmed only by a recipient and only when it asks for it, once", async () => {
    const asks = await published(
      "vanthu.dc",
      draft({ audience: { kind: "people", userIds: [users["chuyenvien.kt"]!] } }),
    );
    const first = await confirmNotice(db, as["chuyenvien.kt"]!, asks.id);
    const again = await confirmNotice(db, as["chuyenvien.kt"]!, asks.id);
    expect(again.confirmedAt).toEqual(first.confirmedAt);
    const [events] = await db
      .select({ n: count() })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, asks.id), eq(auditEvent.action, "notice.confirmed")));
    expect(events!.n).toBe(1);

    const plain = await published(
      "vanthu.dc",
      draft({
        requiresConfirmation: false,
        audience: { kind: "people", userIds: [users["chuyenvien.kt"]!] },
      }),
    );
    const e = await refused(confirmNotice(db, as["chuyenvien.kt"]!, plain.id));
    expect(e.messageKey).toBe("notices.noConfirmationAsked");
    const [row] = await db
      .select()
      .from(noticeRecipient)
      .where(eq(noticeRecipient.noticeId, plain.id));
    expect(row!.confirmedAt).toBeNull();
  });
});

describe("a notice to the organisation or its units", () => {
  it("reaches the active staff at publication, tracked and reminded at most once a day", async () => {
    const n = await published("chutich.dc", draft());
    const t0 = await noticeTracking(db, as["vanthu.dc"]!, { id: n.id, filter: "all" });
    // Everyone of Định Công but the publisher (8 people in the demo, one of them the sender).
    expect(t0.totals).toMatchObject({ recipients: 7, read: 0, confirmed: 0, remindable: 7 });
    expect(t0.rows.map((r) => r.userId)).not.toContain(users["chutich.dc"]);

    await openNotice(db, as["chuyenvien.kt"]!, n.id);
    await openNotice(db, as["chuyenvien.vhxh"]!, n.id);
    await confirmNotice(db, as["chuyenvien.vhxh"]!, n.id);
    const t1 = await noticeTracking(db, as["chutich.dc"]!, { id: n.id, filter: "all" });
    expect(t1.totals).toMatchObject({ recipients: 7, read: 2, confirmed: 1, remindable: 6 });
    const unread = await noticeTracking(db, as["chutich.dc"]!, { id: n.id, filter: "unread" });
    expect(unread.rows).toHaveLength(5);
    const unconfirmed = await noticeTracking(db, as["chutich.dc"]!, {
      id: n.id,
      filter: "unconfirmed",
    });
    expect(unconfirmed.rows.map((r) => r.userId)).toContain(users["chuyenvien.kt"]);
    expect(unconfirmed.rows.map((r) => r.userId)).not.toContain(users["chuyenvien.vhxh"]);

    // The notice shows first in a recipient's list, marked to confirm; on the home page too.
    const mine = await listMyNotices(db, as["chuyenvien.kt"]!, { limit: 50 });
    expect(mine.find((x) => x.id === n.id)).toMatchObject({ requiresConfirmation: true });
    expect((await pendingNoticesFor(db, as["truongphong.kt"]!, 3)).map((x) => x.id)).toContain(
      n.id,
    );

    const morning = new Date("2026-12-07T01:00:00Z"); // 08:00 in Hà Nội
    expect(await remindNotice(db, as["chutich.dc"]!, n.id, morning)).toEqual({ reminded: 6 });
    const evening = new Date("2026-12-07T12:00:00Z"); // 19:00, the same Vietnamese day
    expect(await remindNotice(db, as["chutich.dc"]!, n.id, evening)).toEqual({ reminded: 0 });
    const reminders = () =>
      db
        .select({ n: count() })
        .from(notification)
        .where(
          and(
            eq(notification.userId, users["chuyenvien.kt"]!),
            eq(notification.kind, "noticeReminder"),
          ),
        );
    expect((await reminders())[0]!.n).toBe(1);
    const nextDay = new Date("2026-12-07T17:30:00Z"); // 00:30 on 8 December in Hà Nội
    expect(await remindNotice(db, as["chutich.dc"]!, n.id, nextDay)).toEqual({ reminded: 6 });
    expect((await reminders())[0]!.n).toBe(2);
  });

  it("to a unit reaches its members only", async () => {
    const [kt] = await db
      .select({ id: unit.id })
      .from(unit)
      .where(and(eq(unit.organisationId, orgs.dinhcong!), eq(unit.shortName, "KT")));
    const n = await published(
      "vanthu.dc",
      draft({ audience: { kind: "units", unitIds: [kt!.id] } }),
    );
    const t = await noticeTracking(db, as["vanthu.dc"]!, { id: n.id, filter: "all" });
    expect(t.rows.map((r) => r.userId).sort()).toEqual(
      [users["truongphong.kt"]!, users["chuyenvien.kt"]!].sort(),
    );
    expect((await refused(openNotice(db, as["chuyenvien.vhxh"]!, n.id))).code).toBe("NOT_FOUND");
  });
});

describe("bad input changes nothing", () => {
  it("refuses an unknown unit or person, another organisation's, with a clear message", async () => {
    const [hlUnit] = await db
      .select({ id: unit.id })
      .from(unit)
      .where(eq(unit.organisationId, orgs.hoangliet!));
    const before = await changesOf();
    const cases: [NoticeDraftInput["audience"], string][] = [
      { kind: "units", unitIds: [hlUnit!.id] },
      { kind: "units", unitIds: ["00000000-0000-4000-8000-000000000000"] },
      { kind: "people", userIds: [users["chutich.hl"]!] },
      { kind: "people", userIds: ["00000000-0000-4000-8000-000000000000"] },
    ].map((a, i) => [
      a as NoticeDraftInput["audience"],
      i < 2 ? "notices.unknownUnit" : "notices.unknownPerson",
    ]);
    for (const [audience, key] of cases) {
      const e = await refused(createNoticeDraft(db, as["vanthu.dc"]!, draft({ audience })));
      expect(e.code).toBe("VALIDATION");
      expect(e.fieldErrors.audience?.[0]?.key).toBe(key);
    }
    expect(await changesOf()).toEqual(before);
  });

  it("refuses an empty title and control characters through the engine's validation", async () => {
    const created = await createNoticeDraft(db, as["vanthu.dc"]!, draft());
    const before = await changesOf(created.id);
    for (const title of ["   ", "Lịch\u0000trực", "Lịch\u0007trực"]) {
      const e = await refused(
        applyNoticeAction(db, as["vanthu.dc"]!, {
          id: created.id,
          version: created.version,
          input: { action: "saveDraft", draft: { ...draft(), title } },
        }),
      );
      expect(e.code).toBe("VALIDATION");
      expect(Object.keys(e.fieldErrors).some((f) => f.includes("title"))).toBe(true);
    }
    expect(await changesOf(created.id)).toEqual(before);
  });

  it("refuses a second publish of the same version, and the staff member who is not the office", async () => {
    const created = await createNoticeDraft(db, as["vanthu.dc"]!, draft());
    const request = {
      id: created.id,
      version: created.version,
      input: { action: "publish" } as const,
    };
    await applyNoticeAction(db, as["vanthu.dc"]!, request);
    const before = await changesOf(created.id);
    expect((await refused(applyNoticeAction(db, as["chutich.dc"]!, request))).code).toBe("STALE");
    const again = await refused(
      applyNoticeAction(db, as["chutich.dc"]!, { ...request, version: created.version + 1 }),
    );
    expect(again.messageKey).toBe("notices.notAllowedNow");
    expect((await refused(applyNoticeAction(db, as["chuyenvien.kt"]!, request))).code).toBe(
      "FORBIDDEN",
    );
    expect(await changesOf(created.id)).toEqual(before);
  });

  it("withdrawn, a notice leaves its readers' list and can no longer be confirmed", async () => {
    const n = await published(
      "vanthu.dc",
      draft({ audience: { kind: "people", userIds: [users["chuyenvien.kt"]!] } }),
    );
    await applyNoticeAction(db, as["vanthu.dc"]!, {
      id: n.id,
      version: n.version,
      input: { action: "withdraw" },
    });
    expect(
      (await listMyNotices(db, as["chuyenvien.kt"]!, { limit: 50 })).map((x) => x.id),
    ).not.toContain(n.id);
    expect((await refused(confirmNotice(db, as["chuyenvien.kt"]!, n.id))).messageKey).toBe(
      "notices.notAllowedNow",
    );
    expect((await openNotice(db, as["chuyenvien.kt"]!, n.id)).status).toBe("withdrawn");
  });
});

describe("attachments", () => {
  it("are the publisher organisation's own files, read only by the notice's readers", async () => {
    const ours = "a".repeat(64);
    const theirs = "b".repeat(64);
    await db.insert(fileBlob).values([
      { sha256: ours, size: 10, mimeType: "application/pdf" },
      { sha256: theirs, size: 10, mimeType: "application/pdf" },
    ]);
    await recordUpload(db, as["vanthu.dc"]!, ours);
    await recordUpload(db, as["vanthu.hl"]!, theirs);

    const before = await changesOf();
    const e = await refused(
      createNoticeDraft(
        db,
        as["vanthu.dc"]!,
        draft({ attachments: [{ sha256: theirs, fileName: "Của phường khác.pdf" }] }),
      ),
    );
    expect(e.fieldErrors.attachments?.[0]?.key).toBe("notices.unknownFile");
    expect(await changesOf()).toEqual(before);

    const n = await published(
      "vanthu.dc",
      draft({
        audience: { kind: "people", userIds: [users["chuyenvien.kt"]!] },
        attachments: [{ sha256: ours, fileName: "Lịch trực.pdf" }],
      }),
    );
    expect((await openNotice(db, as["chuyenvien.kt"]!, n.id)).attachments).toEqual([
      { sha256: ours, fileName: "Lịch trực.pdf", size: 10, mimeType: "application/pdf" },
    ]);
    expect((await findNoticeFile(db, as["chuyenvien.kt"]!, n.id, ours)).fileName).toBe(
      "Lịch trực.pdf",
    );
    for (const [who, sha] of [
      ["chuyenvien.vhxh", ours],
      ["vanthu.hl", ours],
      ["chuyenvien.kt", theirs],
    ] as const) {
      expect((await refused(findNoticeFile(db, as[who]!, n.id, sha))).code).toBe("NOT_FOUND");
    }
  });
});
