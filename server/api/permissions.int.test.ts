// Every tRPC procedure, called as people who must be refused: nobody signed in, a member
// whose roles lack the procedure's permission, and a member of another organisation naming
// that organisation's records. The table must list every procedure of the router.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { document } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import { routeTemplate } from "@/db/schema/outgoing";
import { meeting, room, roomBooking } from "@/db/schema/meetings";
import { recipientGroup } from "@/db/schema/recipient-groups";
import { scheduleSheet } from "@/db/schema/schedule";
import { task } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import type { Action } from "@/lib/permissions";
import { insertRegisteredDocument } from "@/server/testing/documents";
import { freshDatabase } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/trpc";
import { adminCases } from "./permission-cases/admin";
import { documentsCases } from "./permission-cases/documents";
import { signingCases } from "./permission-cases/signing";
import type { Case, Ids } from "./permission-cases/kit";
import { workCases } from "./permission-cases/work";
import { appRouter, createCaller } from "./root";

const cases: Record<string, Case> = {
  ...documentsCases,
  ...signingCases,
  ...workCases,
  ...adminCases,
};

/** Demo members who lack each permission (the first role that does not grant it). */
const lacking: Record<Action, string | null> = {
  "meeting.read": "quantri",
  "meeting.organise": "quantri.dc",
  "room.manage": "chuyenvien.kt",
  "directory.read": null, // every member has it
  "calendar.read": null, // every member has it
  "schedule.read": null, // every member has it
  "schedule.draft": "chuyenvien.kt",
  "schedule.approve": "vanthu.dc",
  "unit.manage": "chuyenvien.kt",
  "user.manage": "truongphong.kt",
  "audit.read": "vanthu.dc",
  "orgTree.manage": "quantri.dc",
  "incoming.read": "quantri",
  "incoming.receive": "chuyenvien.kt",
  "incoming.direct": "vanthu.dc",
  "incoming.assign": "chuyenvien.kt",
  "incoming.handle": "quantri.dc",
  "registry.read": "chuyenvien.kt",
  "registry.manage": "chuyenvien.kt",
  "incoming.report": "chuyenvien.kt",
  "outgoing.draft": "quantri.dc",
  "outgoing.approve": "quantri.dc",
  "outgoing.issue": "chuyenvien.kt",
  "outgoing.routeTemplates": "chuyenvien.kt",
  "signing.manage": "quantri.dc",
  "signing.own": "vanthu.dc",
  "exchange.manage": "quantri.dc",
  "notice.read": null, // every member has it
  "notice.publish": "chuyenvien.kt",
  "task.work": "quantri",
  "task.assign": "chuyenvien.kt",
  "task.report": "chuyenvien.kt",
};

let db: Db;
let ids: Ids;

function callerFor(username: string | null) {
  const userId = username ? ids.users[username] : undefined;
  return createCaller({
    db,
    locale: "vi",
    session: userId ? { userId, sessionEpoch: 1 } : null,
  });
}

async function call(username: string | null, path: string, input: unknown) {
  const caller = callerFor(username) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  const [area, name] = path.split(".") as [string, string];
  return caller[area]![name]!(input);
}

async function snapshotOf(orgId: string) {
  const [events] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, orgId));
  const users = await db
    .select({
      id: appUser.id,
      fullName: appUser.fullName,
      active: appUser.active,
      hash: appUser.passwordHash,
      version: appUser.version,
    })
    .from(appUser)
    .where(eq(appUser.organisationId, orgId))
    .orderBy(appUser.id);
  const units = await db
    .select({ id: unit.id, name: unit.name, active: unit.active, version: unit.version })
    .from(unit)
    .where(and(eq(unit.organisationId, orgId)))
    .orderBy(unit.id);
  const documents = await db
    .select({ id: document.id, status: document.status, version: document.version })
    .from(document)
    .where(eq(document.organisationId, orgId))
    .orderBy(document.id);
  const templates = await db
    .select({
      id: routeTemplate.id,
      name: routeTemplate.name,
      active: routeTemplate.active,
      version: routeTemplate.version,
    })
    .from(routeTemplate)
    .where(eq(routeTemplate.organisationId, orgId))
    .orderBy(routeTemplate.id);
  const groups = await db
    .select()
    .from(recipientGroup)
    .where(eq(recipientGroup.organisationId, orgId))
    .orderBy(recipientGroup.id);
  return { events: events?.n, users, units, documents, templates, groups };
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  const seeded = await seedDemo(db);
  const [hl] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(eq(unit.organisationId, seeded.orgs.hoangliet!))
    .limit(1);
  const [dc] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(eq(unit.organisationId, seeded.orgs.dinhcong!))
    .limit(1);
  const hlDocument = await insertRegisteredDocument(db, {
    organisationId: seeded.orgs.hoangliet!,
    createdById: seeded.users["vanthu.hl"]!,
  });
  const [hlTemplate] = await db
    .select({ id: routeTemplate.id })
    .from(routeTemplate)
    .where(eq(routeTemplate.organisationId, seeded.orgs.hoangliet!))
    .limit(1);
  const [hlGroup] = await db
    .insert(recipientGroup)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      name: "Các phòng ban quận",
      memberIds: [seeded.orgs.hoangmai!],
      createdById: seeded.users["vanthu.hl"]!,
      updatedById: seeded.users["vanthu.hl"]!,
    })
    .returning({ id: recipientGroup.id });
  const [hlSheet] = await db
    .insert(scheduleSheet)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      year: 2026,
      week: 50,
      weekStart: "2026-12-07",
      createdById: seeded.users["vanthu.hl"]!,
    })
    .returning({ id: scheduleSheet.id });
  const [hlRoom] = await db
    .insert(room)
    .values({ organisationId: seeded.orgs.hoangliet!, name: "Phòng họp Hoàng Liệt", capacity: 10 })
    .returning({ id: room.id });
  const [hlMeeting] = await db
    .insert(meeting)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      organiserId: seeded.users["chutich.hl"]!,
      title: "Giao ban Hoàng Liệt",
      startsAt: new Date("2027-01-04T00:30:00Z"),
      endsAt: new Date("2027-01-04T01:30:00Z"),
      roomId: hlRoom!.id,
      recurrence: "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
    })
    .returning({ id: meeting.id });
  const [hlBooking] = await db
    .insert(roomBooking)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      roomId: hlRoom!.id,
      purpose: "Tiếp công dân",
      during: "[2027-01-05 01:00+00,2027-01-05 02:00+00)",
      bookedById: seeded.users["vanthu.hl"]!,
    })
    .returning({ id: roomBooking.id });
  const [hlTask] = await db
    .insert(task)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      title: "Việc của Hoàng Liệt",
      assignerId: seeded.users["chutich.hl"]!,
      leadUserId: seeded.users["vanthu.hl"]!,
      startDate: "2027-01-04",
      deadline: "2027-01-11",
    })
    .returning({ id: task.id });
  ids = {
    ...seeded,
    hlTask: hlTask!.id,
    hlMeeting: hlMeeting!.id,
    hlRoom: hlRoom!.id,
    hlBooking: hlBooking!.id,
    hlSheet: hlSheet!.id,
    hlGroup: hlGroup!.id,
    hlUnit: hl!.id,
    dcUnit: dc!.id,
    hlDocument: hlDocument.id,
    hlTemplate: hlTemplate!.id,
  };
});

describe("every tRPC procedure", () => {
  it("is listed in this table", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [path, c] of Object.entries(cases)) {
    it(`${path} refuses a caller who is not signed in`, async () => {
      const error = await refusal(call(null, path, c.input(ids)));
      expect(error.code).toBe("UNAUTHORIZED");
    });

    const without = c.permission ? lacking[c.permission] : null;
    if (c.permission && without) {
      it(`${path} refuses ${without}, who lacks ${c.permission}`, async () => {
        const before = await snapshotOf(ids.orgs.dinhcong!);
        const error = await refusal(call(without, path, c.input(ids)));
        expect(error.code).toBe("FORBIDDEN");
        expect(await snapshotOf(ids.orgs.dinhcong!)).toEqual(before);
      });
    }

    const other = c.otherOrganisation;
    if (typeof other === "function") {
      it(`${path} refuses Phường Định Công's admin acting on Phường Hoàng Liệt`, async () => {
        const before = await snapshotOf(ids.orgs.hoangliet!);
        const error = await refusal(call("quantri.dc", path, other(ids)));
        expect(["FORBIDDEN", "NOT_FOUND"]).toContain(error.code);
        expect(await snapshotOf(ids.orgs.hoangliet!)).toEqual(before);
      });
    }
  }
});
