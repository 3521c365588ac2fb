import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { routeTemplate } from "@/db/schema/outgoing";
import { seedDemo } from "@/db/seed/demo";
import { demoRouteTemplates, seedDemoRouteTemplates } from "@/db/seed/route-templates";
import { createCaller } from "@/server/api/root";
import { verifyAuditChain } from "@/server/audit/verify";
import type { AppError } from "@/server/errors";
import { translate } from "@/server/i18n/translate";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
});

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

/** What a refused call must leave as it was: the organisation's templates and its audit chain. */
async function stateOf(organisationId: string) {
  const templates = await db
    .select()
    .from(routeTemplate)
    .where(eq(routeTemplate.organisationId, organisationId))
    .orderBy(routeTemplate.id);
  const [events] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, organisationId));
  return { templates, events: events!.n };
}

const sign = { kind: "sign" as const, role: "leader" as const };
const quickRoad = (name: string) => ({
  name,
  steps: [{ kind: "format_check" as const, rule: "any" as const, role: "clerks" as const }, sign],
});

describe("route templates", () => {
  it("are kept by a clerk: created with roles and people, listed for drafters, recorded in the audit chain", async () => {
    const clerk = callerFor("vanthu.dc");
    const created = await clerk.routeTemplates.create({
      name: "  Báo cáo định kỳ  ",
      steps: [
        { kind: "review", role: "unit_head_of_drafter" },
        { kind: "format_check", rule: "any", role: "clerks", userIds: [users["vanthu.dc"]!] },
        { kind: "sign", userIds: [users["phochutich.dc"]!] },
      ],
    });
    expect(created).toMatchObject({
      name: "Báo cáo định kỳ",
      version: 1,
      steps: [
        { kind: "review", rule: "all", userIds: [], role: "unit_head_of_drafter" },
        { kind: "format_check", rule: "any", userIds: [users["vanthu.dc"]], role: "clerks" },
        { kind: "sign", rule: "all", userIds: [users["phochutich.dc"]], role: null },
      ],
    });
    expect(created.people.map((p) => p.fullName).sort()).toEqual(["Hoàng Thị Mai", "Phạm Thị Thu"]);

    const forDrafting = await callerFor("chuyenvien.kt").routeTemplates.forDrafting();
    expect(forDrafting.map((t) => t.name)).toEqual([
      "Báo cáo định kỳ",
      ...demoRouteTemplates.map((t) => t.name),
    ]);
    expect((await callerFor("quantri.dc").routeTemplates.list()).map((t) => t.id)).toContain(
      created.id,
    );
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, "routeTemplate.created")),
      );
    expect(event).toMatchObject({
      organisationId: orgs.dinhcong,
      actorId: users["vanthu.dc"],
      entityType: "routeTemplate",
      data: { name: "Báo cáo định kỳ", steps: ["review", "format_check", "sign"] },
    });
    expect(await verifyAuditChain(db, orgs.dinhcong!)).toMatchObject({ ok: true });
  });

  it("are edited on the version read, and an edit on an older version is refused as stale", async () => {
    const admin = callerFor("quantri.dc");
    const created = await admin.routeTemplates.create(quickRoad("Giấy mời"));
    const edited = await admin.routeTemplates.update({
      id: created.id,
      version: 1,
      name: "Giấy mời họp",
      steps: [{ kind: "review", role: "leader" }, ...quickRoad("").steps],
    });
    expect(edited).toMatchObject({ name: "Giấy mời họp", version: 2 });
    expect(edited.steps.map((s) => s.kind)).toEqual(["review", "format_check", "sign"]);
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, "routeTemplate.updated")),
      );
    expect(event!.data).toEqual({
      changes: { name: { from: "Giấy mời", to: "Giấy mời họp" } },
      steps: ["review", "format_check", "sign"],
    });

    const before = await stateOf(orgs.dinhcong!);
    const error = await refusal(
      callerFor("vanthu.dc").routeTemplates.update({
        ...quickRoad("Giấy mời cũ"),
        id: created.id,
        version: 1,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as AppError).code).toBe("STALE");
    expect(await stateOf(orgs.dinhcong!)).toEqual(before);

    // Saving what is already there changes nothing, not even the version.
    const same = await admin.routeTemplates.update({
      id: created.id,
      version: 2,
      name: "Giấy mời họp",
      steps: edited.steps,
    });
    expect(same.version).toBe(2);
    expect(await stateOf(orgs.dinhcong!)).toEqual(before);
  });

  it("refuse a name another template in use has, whatever its case, on the name field", async () => {
    const before = await stateOf(orgs.dinhcong!);
    const error = await refusal(
      callerFor("vanthu.dc").routeTemplates.create(quickRoad("CÔNG VĂN THÔNG THƯỜNG")),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldKeys(error)).toEqual({ name: ["routeTemplates.nameTaken"] });
    expect(translate("vi", "routeTemplates.nameTaken")).toContain("đã có quy trình mẫu");
    expect(translate("en", "routeTemplates.nameTaken")).toContain("already has a template");
    expect(await stateOf(orgs.dinhcong!)).toEqual(before);
  });

  it("refuse steps that do not make a route, each on its field, writing nothing", async () => {
    const clerk = callerFor("vanthu.dc");
    const cases: [unknown[], Record<string, string[]>][] = [
      [[{ kind: "review", role: "clerks" }], { steps: ["outgoing.routeNeedsSigner"] }],
      [[sign, { kind: "review" }, sign], { "steps.0.kind": ["outgoing.signLast"] }],
      [[{ kind: "sign", role: "clerks" }], { "steps.0.role": ["routeTemplates.roleNotForKind"] }],
      [
        [{ kind: "format_check", role: "unit_head_of_drafter" }, sign],
        { "steps.0.role": ["routeTemplates.roleNotForKind"] },
      ],
      [
        [{ kind: "sign", userIds: [users["truongphong.kt"]] }],
        { "steps.0.userIds": ["outgoing.signerNotALeader"] },
      ],
      [
        [{ kind: "format_check", userIds: [users["chuyenvien.kt"]] }, sign],
        { "steps.0.userIds": ["outgoing.checkerNotAClerk"] },
      ],
      [
        [{ kind: "review", userIds: [users["chutich.hl"]] }, sign],
        { "steps.0.userIds": ["outgoing.memberUnknown"] },
      ],
      [
        [{ kind: "review", userIds: [users["vanthu.dc"], users["vanthu.dc"]] }, sign],
        { "steps.0.userIds": ["outgoing.memberTwice"] },
      ],
      [[], { steps: ["validation.required"] }],
      [Array.from({ length: 11 }, () => sign), { steps: ["validation.tooBig"] }],
      [[{ kind: "approve" }], { "steps.0.kind": ["validation.choice"] }],
      [[{ kind: "sign", role: "mayor" }], { "steps.0.role": ["validation.choice"] }],
    ];
    const before = await stateOf(orgs.dinhcong!);
    for (const [steps, expected] of cases) {
      const error = await refusal(clerk.routeTemplates.create({ name: "Thử", steps } as never));
      expect(error.code, JSON.stringify(steps)).toBe("BAD_REQUEST");
      expect(fieldKeys(error), JSON.stringify(steps)).toEqual(expected);
    }
    const blank = await refusal(clerk.routeTemplates.create(quickRoad(" \u0000 ")));
    expect(blank.code).toBe("BAD_REQUEST");
    expect(await stateOf(orgs.dinhcong!)).toEqual(before);
  });

  it("of another organisation are not found: not edited, not taken out of use", async () => {
    const [hl] = await db
      .select()
      .from(routeTemplate)
      .where(eq(routeTemplate.organisationId, orgs.hoangliet!))
      .limit(1);
    const before = await stateOf(orgs.hoangliet!);
    for (const caller of [callerFor("vanthu.dc"), callerFor("quantri.dc")]) {
      const edit = await refusal(
        caller.routeTemplates.update({ ...quickRoad("Chiếm quyền"), id: hl!.id, version: 1 }),
      );
      expect(edit.code).toBe("NOT_FOUND");
      const off = await refusal(caller.routeTemplates.deactivate({ id: hl!.id, version: 1 }));
      expect(off.code).toBe("NOT_FOUND");
    }
    const listed = await callerFor("vanthu.dc").routeTemplates.list();
    expect(listed.map((t) => t.id)).not.toContain(hl!.id);
    expect(await stateOf(orgs.hoangliet!)).toEqual(before);
  });

  it("are kept by the admin and clerks only: a specialist drafts with them but cannot change them", async () => {
    const specialist = callerFor("chuyenvien.kt");
    const [own] = await callerFor("vanthu.dc").routeTemplates.list();
    const before = await stateOf(orgs.dinhcong!);
    const calls = [
      () => specialist.routeTemplates.list(),
      () => specialist.routeTemplates.create(quickRoad("Của chuyên viên")),
      () => specialist.routeTemplates.update({ ...quickRoad("Đổi"), id: own!.id, version: 1 }),
      () => specialist.routeTemplates.deactivate({ id: own!.id, version: own!.version }),
    ];
    for (const call of calls) expect((await refusal(call())).code).toBe("FORBIDDEN");
    expect(await stateOf(orgs.dinhcong!)).toEqual(before);
    // The organisation's admin keeps templates but drafts nothing.
    expect((await refusal(callerFor("quantri.dc").routeTemplates.forDrafting())).code).toBe(
      "FORBIDDEN",
    );
  });

  it("taken out of use leave every list, free their name, and cannot be edited any more", async () => {
    const clerk = callerFor("vanthu.dc");
    const created = await clerk.routeTemplates.create(quickRoad("Thông báo"));
    await clerk.routeTemplates.deactivate({ id: created.id, version: 1 });
    expect((await clerk.routeTemplates.list()).map((t) => t.id)).not.toContain(created.id);
    expect(
      (await callerFor("chuyenvien.kt").routeTemplates.forDrafting()).map((t) => t.id),
    ).not.toContain(created.id);
    const stale = await refusal(clerk.routeTemplates.deactivate({ id: created.id, version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    const gone = await refusal(
      clerk.routeTemplates.update({ ...quickRoad("Thông báo"), id: created.id, version: 2 }),
    );
    expect(gone.code).toBe("NOT_FOUND");
    const again = await clerk.routeTemplates.create(quickRoad("thông báo"));
    expect(again.id).not.toBe(created.id);
    const [event] = await db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.entityId, created.id),
          eq(auditEvent.action, "routeTemplate.deactivated"),
        ),
      );
    expect(event!.data).toEqual({ name: "Thông báo" });
  });

  it("are seeded once per demo organisation, and seeding again adds none", async () => {
    const counts = async () =>
      db
        .select({ organisationId: routeTemplate.organisationId, n: count() })
        .from(routeTemplate)
        .where(eq(routeTemplate.organisationId, orgs.namdan!))
        .groupBy(routeTemplate.organisationId);
    expect(await counts()).toEqual([{ organisationId: orgs.namdan, n: 2 }]);
    await db.transaction((tx) =>
      seedDemoRouteTemplates(tx, [
        { organisationId: orgs.namdan!, createdById: users["vanthu.namdan"]! },
      ]),
    );
    expect(await counts()).toEqual([{ organisationId: orgs.namdan, n: 2 }]);
  });
});
