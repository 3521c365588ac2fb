import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { exchangePeer, organisation } from "@/db/schema/org";
import { recipientGroup } from "@/db/schema/recipient-groups";
import { createCaller } from "@/server/api/root";
import { verifyAuditChain } from "@/server/audit/verify";
import { translate } from "@/server/i18n/translate";
import { createWorkflowWorld, type WorkflowWorld } from "@/server/testing/incoming-workflow";
import { fieldKeys, refusal } from "@/server/testing/trpc";

let world: WorkflowWorld;
/** Wards of Hoàng Mai added for these tests: one merged into Hoàng Liệt, one closed, one elsewhere. */
const extra: Record<"giapbat" | "tanmai" | "vinhhung" | "thinhliet", string> = {
  giapbat: "",
  tanmai: "",
  vinhhung: "",
  thinhliet: "",
};

beforeAll(async () => {
  world = await createWorkflowWorld();
  const { db, orgs } = world;
  const [peer] = await db
    .insert(exchangePeer)
    .values({
      name: "Hệ thống văn bản quận Hoàng Mai (cũ)",
      url: "https://vanban.example",
      rootCertificate: Buffer.from("root"),
      fingerprint: "AA:BB",
    })
    .returning({ id: exchangePeer.id });
  const ward = (code: string, name: string, more: Partial<typeof organisation.$inferInsert>) => ({
    code,
    name,
    shortName: "UBND",
    level: "commune" as const,
    parentId: orgs.hoangmai!,
    ...more,
  });
  const rows = await db
    .insert(organisation)
    .values([
      ward("000.12.28.H26", "Ủy ban nhân dân phường Giáp Bát", {
        status: "merged",
        mergedIntoId: orgs.hoangliet!,
      }),
      ward("000.13.28.H26", "Ủy ban nhân dân phường Tân Mai", { status: "closed" }),
      ward("000.14.28.H26", "Ủy ban nhân dân phường Vĩnh Hưng", { peerId: peer!.id }),
      // Merged into Giáp Bát, which merged in turn: delivery follows both merges.
      ward("000.15.28.H26", "Ủy ban nhân dân phường Thịnh Liệt", { status: "merged" }),
    ])
    .returning({ id: organisation.id, code: organisation.code });
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  extra.giapbat = byCode.get("000.12.28.H26")!;
  extra.tanmai = byCode.get("000.13.28.H26")!;
  extra.vinhhung = byCode.get("000.14.28.H26")!;
  extra.thinhliet = byCode.get("000.15.28.H26")!;
  await db
    .update(organisation)
    .set({ mergedIntoId: extra.giapbat })
    .where(eq(organisation.id, extra.thinhliet));
});

afterAll(async () => {
  await world.pool.end();
});

const callerFor = (username: string) =>
  createCaller({
    db: world.db,
    locale: "vi",
    session: { userId: world.users[username]!, sessionEpoch: 1 },
  });

/** What a refused call must leave as it was: the organisation's groups and its audit chain. */
async function stateOf(organisationId: string) {
  const groups = await world.db
    .select()
    .from(recipientGroup)
    .where(eq(recipientGroup.organisationId, organisationId))
    .orderBy(recipientGroup.id);
  const [events] = await world.db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, organisationId));
  return { groups, events: events!.n };
}

describe("the organisation tree in the Kính gửi field", () => {
  it("finds organisations by name without diacritics and by code, for every drafter", async () => {
    const specialist = callerFor("chuyenvien.kt");
    const byName = await specialist.recipients.search({ query: "hoang  liet" });
    expect(byName.organisations.map((o) => o.name)).toEqual(["Ủy ban nhân dân phường Hoàng Liệt"]);
    expect(byName.organisations[0]).toMatchObject({
      code: "000.11.28.H26",
      parentName: "Ủy ban nhân dân quận Hoàng Mai",
      peer: false,
      children: 0,
    });
    expect(byName.recent).toEqual([]);

    const byCode = await specialist.recipients.search({ query: "000.11" });
    expect(byCode.organisations.map((o) => o.code)).toEqual(["000.11.28.H26"]);

    // Closed and merged organisations are not offered; one hosted elsewhere is, marked.
    const wards = await specialist.recipients.search({ query: "phuong" });
    const names = wards.organisations.map((o) => o.name);
    expect(names).not.toContain("Ủy ban nhân dân phường Giáp Bát");
    expect(names).not.toContain("Ủy ban nhân dân phường Tân Mai");
    expect(
      wards.organisations.find((o) => o.name === "Ủy ban nhân dân phường Vĩnh Hưng")?.peer,
    ).toBe(true);

    const district = await specialist.recipients.search({ query: "quan hoang mai" });
    expect(district.organisations[0]).toMatchObject({ name: "Ủy ban nhân dân quận Hoàng Mai" });
    // Hoàng Liệt and Vĩnh Hưng are open under it, beside the drafter's own Định Công.
    expect(district.organisations[0]!.children).toBe(2);
  });

  it("offers a branch's open organisations in one step, without the drafter's own", async () => {
    const branch = await callerFor("chuyenvien.kt").recipients.branch({
      organisationId: world.orgs.hoangmai!,
    });
    expect(branch.parent.name).toBe("Ủy ban nhân dân quận Hoàng Mai");
    expect(branch.children.map((c) => c.name)).toEqual([
      "Ủy ban nhân dân phường Hoàng Liệt",
      "Ủy ban nhân dân phường Vĩnh Hưng",
    ]);
    const fromHoangLiet = await callerFor("vanthu.hl").recipients.branch({
      organisationId: world.orgs.hoangmai!,
    });
    expect(fromHoangLiet.children.map((c) => c.name)).toEqual([
      "Ủy ban nhân dân phường Định Công",
      "Ủy ban nhân dân phường Vĩnh Hưng",
    ]);
    const closed = await refusal(
      callerFor("chuyenvien.kt").recipients.branch({ organisationId: extra.tanmai }),
    );
    expect(closed.code).toBe("NOT_FOUND");
  });

  it("says which named organisations merged (and into what, across merges), closed or live elsewhere", async () => {
    const states = await callerFor("chuyenvien.kt").recipients.describe({
      organisationIds: [
        extra.thinhliet,
        extra.giapbat,
        extra.tanmai,
        extra.vinhhung,
        world.orgs.hoangliet!,
      ],
    });
    const hl = { id: world.orgs.hoangliet, name: "Ủy ban nhân dân phường Hoàng Liệt", peer: false };
    expect(states).toMatchObject([
      { name: "Ủy ban nhân dân phường Thịnh Liệt", status: "merged", successor: hl },
      { name: "Ủy ban nhân dân phường Giáp Bát", status: "merged", successor: hl },
      { name: "Ủy ban nhân dân phường Tân Mai", status: "closed", successor: null },
      { name: "Ủy ban nhân dân phường Vĩnh Hưng", status: "active", peer: true, successor: null },
      { name: "Ủy ban nhân dân phường Hoàng Liệt", status: "active", peer: false, successor: null },
    ]);
  });

  it("lets a draft keep a merged addressee (delivery follows the merge) and refuses a closed one", async () => {
    const drafter = callerFor("chuyenvien.kt");
    const draft = (organisationId: string, name: string) => ({
      documentType: "cong_van" as const,
      subject: "V/v rà soát địa giới hành chính",
      body: { type: "doc" as const, content: [] },
      recipients: [{ kind: "organisation" as const, organisationId, name }],
    });
    const saved = await drafter.outgoing.create(
      draft(extra.giapbat, "Ủy ban nhân dân phường Giáp Bát"),
    );
    expect(saved.id).toBeTruthy();
    const refused = await refusal(
      drafter.outgoing.create(draft(extra.tanmai, "Ủy ban nhân dân phường Tân Mai")),
    );
    expect(fieldKeys(refused)).toEqual({ recipients: ["outgoing.recipientUnknown"] });
  });
});

describe("recipient groups", () => {
  it("are kept by a clerk: created, renamed, changed and deleted, each recorded in the audit chain", async () => {
    const clerk = callerFor("vanthu.dc");
    const created = await clerk.recipients.createGroup({
      name: "  Các phường thuộc quận Hoàng Mai ",
      memberIds: [world.orgs.hoangliet!, extra.vinhhung, world.orgs.hoangliet!],
    });
    expect(created).toMatchObject({ name: "Các phường thuộc quận Hoàng Mai", version: 1 });
    expect(created.members.map((m) => m.name)).toEqual([
      "Ủy ban nhân dân phường Hoàng Liệt",
      "Ủy ban nhân dân phường Vĩnh Hưng",
    ]);

    const renamed = await clerk.recipients.updateGroup({
      id: created.id,
      version: 1,
      name: "Các phường",
      memberIds: [extra.vinhhung, world.orgs.hoangliet!, world.orgs.hoangmai!],
    });
    expect(renamed.version).toBe(2);
    expect(renamed.members.map((m) => m.name)).toEqual([
      "Ủy ban nhân dân phường Vĩnh Hưng",
      "Ủy ban nhân dân phường Hoàng Liệt",
      "Ủy ban nhân dân quận Hoàng Mai",
    ]);
    // Saving what is already there changes nothing, not even the version.
    const same = await clerk.recipients.updateGroup({
      id: created.id,
      version: 2,
      name: "Các phường",
      memberIds: [extra.vinhhung, world.orgs.hoangliet!, world.orgs.hoangmai!],
    });
    expect(same.version).toBe(2);

    const events = await world.db
      .select({ action: auditEvent.action, data: auditEvent.data })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.organisationId, world.orgs.dinhcong!),
          eq(auditEvent.entityId, created.id),
        ),
      )
      .orderBy(auditEvent.seq);
    expect(events).toEqual([
      {
        action: "recipientGroup.created",
        data: {
          name: "Các phường thuộc quận Hoàng Mai",
          members: ["Ủy ban nhân dân phường Hoàng Liệt", "Ủy ban nhân dân phường Vĩnh Hưng"],
        },
      },
      {
        action: "recipientGroup.updated",
        data: {
          name: "Các phường",
          changes: { name: { from: "Các phường thuộc quận Hoàng Mai", to: "Các phường" } },
          members: 3,
          added: ["Ủy ban nhân dân quận Hoàng Mai"],
          removed: [],
        },
      },
    ]);

    await clerk.recipients.deleteGroup({ id: created.id, version: 2 });
    expect((await clerk.recipients.groups()).groups.map((g) => g.id)).not.toContain(created.id);
    const [deleted] = await world.db
      .select({ data: auditEvent.data })
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, "recipientGroup.deleted")),
      );
    expect(deleted!.data).toEqual({ name: "Các phường", members: 3 });
    expect((await verifyAuditChain(world.db, world.orgs.dinhcong!)).ok).toBe(true);
  });

  it("are listed for every drafter of the organisation, who may apply them but not change them", async () => {
    const group = await callerFor("vanthu.dc").recipients.createGroup({
      name: "Các phòng ban quận",
      memberIds: [world.orgs.hoangmai!, world.orgs.hoangliet!],
    });
    const specialist = callerFor("chuyenvien.kt");
    const listed = await specialist.recipients.groups();
    expect(listed.canManage).toBe(false);
    expect(listed.groups.find((g) => g.id === group.id)?.members.map((m) => m.name)).toEqual([
      "Ủy ban nhân dân quận Hoàng Mai",
      "Ủy ban nhân dân phường Hoàng Liệt",
    ]);
    expect((await callerFor("vanthu.dc").recipients.groups()).canManage).toBe(true);

    const before = await stateOf(world.orgs.dinhcong!);
    for (const attempt of [
      () =>
        specialist.recipients.createGroup({ name: "Của tôi", memberIds: [world.orgs.hoangliet!] }),
      () =>
        specialist.recipients.updateGroup({
          id: group.id,
          version: group.version,
          name: "Đổi tên",
          memberIds: [world.orgs.hoangliet!],
        }),
      () => specialist.recipients.deleteGroup({ id: group.id, version: group.version }),
    ]) {
      expect((await refusal(attempt())).code).toBe("FORBIDDEN");
    }
    expect(await stateOf(world.orgs.dinhcong!)).toEqual(before);

    // Another organisation's drafters do not see it, and its clerk cannot reach it by id.
    const otherClerk = callerFor("vanthu.hl");
    expect((await otherClerk.recipients.groups()).groups.map((g) => g.id)).not.toContain(group.id);
    for (const attempt of [
      () =>
        otherClerk.recipients.updateGroup({
          id: group.id,
          version: group.version,
          name: "Chiếm quyền",
          memberIds: [world.orgs.hoangliet!],
        }),
      () => otherClerk.recipients.deleteGroup({ id: group.id, version: group.version }),
    ]) {
      expect((await refusal(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await stateOf(world.orgs.dinhcong!)).toEqual(before);
  });

  it("refuses a stale version, a name in use, closed or unknown members and bad input, changing nothing", async () => {
    const clerk = callerFor("vanthu.dc");
    const group = await clerk.recipients.createGroup({
      name: "Phường lân cận",
      memberIds: [world.orgs.hoangliet!],
    });
    await clerk.recipients.updateGroup({
      id: group.id,
      version: 1,
      name: "Phường lân cận",
      memberIds: [world.orgs.hoangliet!, extra.vinhhung],
    });
    const before = await stateOf(world.orgs.dinhcong!);

    const stale = await refusal(
      clerk.recipients.updateGroup({
        id: group.id,
        version: 1,
        name: "Bản cũ",
        memberIds: [world.orgs.hoangliet!],
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect((stale.cause as { code?: string }).code).toBe("STALE");
    expect((await refusal(clerk.recipients.deleteGroup({ id: group.id, version: 1 }))).code).toBe(
      "CONFLICT",
    );

    const taken = await refusal(
      clerk.recipients.createGroup({ name: "PHƯỜNG LÂN CẬN", memberIds: [world.orgs.hoangmai!] }),
    );
    expect(fieldKeys(taken)).toEqual({ name: ["recipientGroups.nameTaken"] });
    expect(translate("vi", "recipientGroups.nameTaken")).toBe(
      "Cơ quan đã có nhóm nơi nhận mang tên này. Vui lòng đặt tên khác.",
    );

    for (const [memberId, key] of [
      [extra.giapbat, "recipientGroups.memberClosed"],
      [extra.tanmai, "recipientGroups.memberClosed"],
      [crypto.randomUUID(), "recipientGroups.memberUnknown"],
    ] as const) {
      const refused = await refusal(
        clerk.recipients.createGroup({
          name: "Nhóm mới",
          memberIds: [world.orgs.hoangliet!, memberId],
        }),
      );
      expect(fieldKeys(refused)).toEqual({ memberIds: [key] });
    }

    for (const [input, field, key] of [
      [
        { name: "Nhóm\u0000", memberIds: [world.orgs.hoangliet!] },
        "name",
        "validation.controlCharacters",
      ],
      [{ name: "x".repeat(201), memberIds: [world.orgs.hoangliet!] }, "name", "validation.tooLong"],
      [{ name: "   ", memberIds: [world.orgs.hoangliet!] }, "name", "validation.required"],
      [{ name: "Nhóm trống", memberIds: [] }, "memberIds", "validation.required"],
      [{ name: "Nhóm", memberIds: ["khong-phai-id"] }, "memberIds.0", "validation.invalid"],
    ] as const) {
      const refused = await refusal(clerk.recipients.createGroup(input as never));
      expect(refused.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(fieldKeys(refused)[field], JSON.stringify(input)).toEqual([key]);
    }
    expect(await stateOf(world.orgs.dinhcong!)).toEqual(before);
  });
});
