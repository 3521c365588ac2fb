import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { seedDemo } from "@/db/seed/demo";
import { freshDatabase } from "@/server/testing/test-db";
import type { Db } from "@/db/client";
import { appendAudit } from "./append";
import { hashAuditEvent } from "./chain";
import { verifyAuditChain } from "./verify";

let db: Db;
let orgs: Record<string, string>;

/** Appends `n` test events, one after the other, to an organisation's chain. */
async function appendEvents(org: string, n: number) {
  for (let i = 0; i < n; i++) {
    await appendAudit(db, {
      organisationId: org,
      actor: null,
      action: "test.event",
      entityType: "test",
      entityId: String(i),
    });
  }
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs } = await seedDemo(db));
});

describe("audit chain", () => {
  it("is intact after many concurrent appends to one organisation", async () => {
    const org = orgs.dinhcong!;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction((tx) =>
          appendAudit(tx, {
            organisationId: org,
            actor: null,
            action: "test.event",
            entityType: "test",
            entityId: String(i),
            data: { i, text: "Định Công" },
          }),
        ),
      ),
    );
    const report = await verifyAuditChain(db, org);
    expect(report).toMatchObject({ ok: true, events: 41 });
  });

  it("refuses to update or delete an audit row", async () => {
    const refusal = {
      cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }),
    };
    await expect(db.execute(sql`update audit_event set action = 'x'`)).rejects.toMatchObject(
      refusal,
    );
    await expect(db.execute(sql`delete from audit_event`)).rejects.toMatchObject(refusal);
  });

  it("reports the first broken link when a row was altered in the database", async () => {
    const org = orgs.hoangliet!;
    await appendEvents(org, 5);
    const rows = await db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.organisationId, org))
      .orderBy(auditEvent.seq);
    const target = rows[3]!;
    // Someone with direct database access turns off the guard and rewrites history.
    await db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    await db.execute(sql`update audit_event set data = '{"i": 99}'::jsonb where id = ${target.id}`);
    await db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    const report = await verifyAuditChain(db, org);
    expect(report).toMatchObject({
      ok: false,
      brokenAt: { seq: target.seq, id: target.id, reason: "hash" },
    });
  });

  it("reports a deleted row as a gap", async () => {
    const org = orgs.namdan!;
    await appendEvents(org, 3);
    await db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    await db.execute(sql`delete from audit_event where organisation_id = ${org} and seq = 2`);
    await db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    const report = await verifyAuditChain(db, org);
    expect(report).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: "gap" } });
  });

  it("notices events deleted from the end of the chain, and keeps its head moving forward only", async () => {
    const org = orgs.hoangmai!;
    await appendEvents(org, 4);
    const intact = await verifyAuditChain(db, org);
    expect(intact).toMatchObject({ ok: true });
    const events = intact.events;

    await db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    await db.execute(
      sql`delete from audit_event where organisation_id = ${org} and seq >= ${events - 1}`,
    );
    await db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    expect(await verifyAuditChain(db, org)).toMatchObject({
      ok: false,
      events: events - 2,
      brokenAt: { seq: events - 1, reason: "truncated" },
    });

    // Hiding it by moving the head back, or removing it, is refused.
    const guard = {
      cause: expect.objectContaining({ message: expect.stringMatching(/only moves forward/) }),
    };
    await expect(
      db.execute(
        sql`update audit_chain_head set seq = ${events - 2} where organisation_id = ${org}`,
      ),
    ).rejects.toMatchObject(guard);
    await expect(
      db.execute(sql`delete from audit_chain_head where organisation_id = ${org}`),
    ).rejects.toMatchObject(guard);
  });

  it("notices a last event rewritten with a recomputed hash", async () => {
    const org = orgs.hanoi!;
    await appendAudit(db, {
      organisationId: org,
      actor: null,
      action: "test.event",
      entityType: "test",
      entityId: "last",
      data: { amount: 1 },
    });
    const [last] = await db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.organisationId, org))
      .orderBy(desc(auditEvent.seq))
      .limit(1);
    const forged = { ...last!, data: { amount: 1000 } };
    await db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    await db
      .update(auditEvent)
      .set({ data: forged.data, hash: hashAuditEvent(forged) })
      .where(eq(auditEvent.id, last!.id));
    await db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    expect(await verifyAuditChain(db, org)).toMatchObject({
      ok: false,
      brokenAt: { seq: last!.seq, reason: "link" },
    });
  });
});
