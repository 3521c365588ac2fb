// Acting for an absent leader (ủy quyền): a leader hands their directing to another leader for a
// period. While it runs, what is presented to the absent leader is also in the delegate's box, and
// what the delegate does with it is recorded as on the absent leader's behalf.
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "@/db/client";
import { appUser } from "@/db/schema/users";
import { delegation } from "@/db/schema/workflow";
import { addDays, vietnamToday } from "@/lib/dates";
import type { CreateDelegationInput } from "@/lib/schemas/delegation";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound } from "../errors";
import { notifyUsers } from "../notify/notify";
import { loadMembers } from "./workflow-support";

/** The longest delegation: a leader away for longer is replaced, not stood in for. */
export const DELEGATION_MAX_DAYS = 90;

const running = (today: string) =>
  and(isNull(delegation.revokedAt), lte(delegation.startsOn, today), gte(delegation.endsOn, today));

/** Of these leaders, the one the actor stands in for today, if any (the first found). */
export async function standsInFor(
  tx: DbOrTx,
  actor: Actor,
  leaderIds: (string | null)[],
  today = vietnamToday(),
): Promise<{ id: string; fullName: string } | null> {
  const ids = [...new Set(leaderIds.filter((id): id is string => Boolean(id)))].filter(
    (id) => id !== actor.userId,
  );
  if (ids.length === 0) return null;
  const [row] = await tx
    .select({ id: appUser.id, fullName: appUser.fullName })
    .from(delegation)
    .innerJoin(appUser, eq(appUser.id, delegation.fromUserId))
    .where(
      and(
        eq(delegation.organisationId, actor.organisationId),
        eq(delegation.toUserId, actor.userId),
        sql`${delegation.fromUserId} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        running(today),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Brings the delegates' boxes in line with the delegations running today: every document waiting
 * for a delegating leader's direction is in their delegate's box too, and leaves it when the
 * delegation ends, is revoked, or the document is directed. Run on every change of a delegation
 * or presentation, and by a recurring job for delegations that start or end with the day.
 */
export async function syncDelegateBoxes(
  tx: DbOrTx,
  organisationId: string | null,
  today = vietnamToday(),
): Promise<void> {
  const inOrg = organisationId ? sql`and d.organisation_id = ${organisationId}` : sql``;
  await tx.execute(sql`
    insert into document_participant
      (document_id, user_id, kind, organisation_id, box, urgency, deadline)
    select p.document_id, d.to_user_id, 'delegate', p.organisation_id, 'to_direct', p.urgency, p.deadline
    from delegation d
    join document_participant p on p.user_id = d.from_user_id and p.kind = 'presented'
      and p.box = 'to_direct' and p.organisation_id = d.organisation_id
    where d.revoked_at is null and d.starts_on <= ${today}::date and d.ends_on >= ${today}::date
      ${inOrg}
    on conflict (document_id, user_id, kind) do update
      set box = 'to_direct', urgency = excluded.urgency, deadline = excluded.deadline,
          updated_at = now()
      where document_participant.box <> 'to_direct'`);
  await tx.execute(sql`
    update document_participant p set box = 'none', updated_at = now()
    where p.kind = 'delegate' and p.box = 'to_direct'
      ${organisationId ? sql`and p.organisation_id = ${organisationId}` : sql``}
      and not exists (
        select 1 from document_participant pr
        join delegation d on d.from_user_id = pr.user_id and d.to_user_id = p.user_id
        where pr.document_id = p.document_id and pr.kind = 'presented' and pr.box = 'to_direct'
          and d.revoked_at is null and d.starts_on <= ${today}::date and d.ends_on >= ${today}::date
      )`);
}

const delegate = alias(appUser, "delegate");
const delegator = alias(appUser, "delegator");

/** The delegations the actor gave and received that have not ended, soonest first. */
export async function listDelegations(db: DbOrTx, actor: Actor) {
  assertCan(actor, "incoming.direct");
  const today = vietnamToday();
  const rows = await db
    .select({
      id: delegation.id,
      fromUserId: delegation.fromUserId,
      fromName: delegator.fullName,
      toUserId: delegation.toUserId,
      toName: delegate.fullName,
      startsOn: delegation.startsOn,
      endsOn: delegation.endsOn,
      note: delegation.note,
      revokedAt: delegation.revokedAt,
      createdAt: delegation.createdAt,
    })
    .from(delegation)
    .innerJoin(delegator, eq(delegator.id, delegation.fromUserId))
    .innerJoin(delegate, eq(delegate.id, delegation.toUserId))
    .where(
      and(
        eq(delegation.organisationId, actor.organisationId),
        or(eq(delegation.fromUserId, actor.userId), eq(delegation.toUserId, actor.userId)),
        gte(delegation.endsOn, addDays(today, -30)),
      ),
    )
    .orderBy(desc(delegation.endsOn), asc(delegation.startsOn))
    .limit(50);
  return rows.map((r) => ({
    ...r,
    given: r.fromUserId === actor.userId,
    state: r.revokedAt
      ? ("revoked" as const)
      : r.endsOn < today
        ? ("ended" as const)
        : r.startsOn > today
          ? ("planned" as const)
          : ("running" as const),
  }));
}

/** Who a leader may delegate to: the organisation's other active leaders. */
export async function delegateCandidates(db: DbOrTx, actor: Actor) {
  assertCan(actor, "incoming.direct");
  const rows = await db.execute<{ id: string; fullName: string; jobTitle: string }>(sql`
    select u.id, u.full_name as "fullName", u.job_title as "jobTitle"
    from app_user u join user_role r on r.user_id = u.id and r.organisation_id = ${actor.organisationId}
    where r.role = 'leader' and u.active and u.organisation_id = ${actor.organisationId}
      and u.id <> ${actor.userId}
    order by u.full_name`);
  return rows.rows;
}

export async function createDelegation(db: Db, actor: Actor, input: CreateDelegationInput) {
  assertCan(actor, "incoming.direct");
  const today = vietnamToday();
  if (input.startsOn < today) throw fieldError({ startsOn: "delegation.startsInPast" });
  if (input.endsOn < input.startsOn) throw fieldError({ endsOn: "delegation.endsBeforeStart" });
  if (input.endsOn > addDays(input.startsOn, DELEGATION_MAX_DAYS - 1)) {
    throw fieldError({
      endsOn: { key: "delegation.tooLong", params: { days: DELEGATION_MAX_DAYS } },
    });
  }
  if (input.toUserId === actor.userId) throw fieldError({ toUserId: "delegation.notYourself" });
  return db.transaction(async (tx) => {
    // One leader's delegations are decided one at a time, so two overlapping ones cannot both pass.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('delegation'), hashtext(${actor.userId}))`,
    );
    const to = (await loadMembers(tx, actor.organisationId, [input.toUserId])).get(input.toUserId);
    if (!to || !to.roles.includes("leader"))
      throw fieldError({ toUserId: "delegation.notALeader" });
    const [overlap] = await tx
      .select({ id: delegation.id })
      .from(delegation)
      .where(
        and(
          eq(delegation.fromUserId, actor.userId),
          isNull(delegation.revokedAt),
          lte(delegation.startsOn, input.endsOn),
          gte(delegation.endsOn, input.startsOn),
        ),
      )
      .limit(1);
    if (overlap) throw new AppError("CONFLICT", "delegation.overlaps");
    const [row] = await tx
      .insert(delegation)
      .values({
        organisationId: actor.organisationId,
        fromUserId: actor.userId,
        toUserId: to.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note ?? null,
      })
      .returning();
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "delegation.create",
      entityType: "delegation",
      entityId: row!.id,
      data: { to: to.fullName, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    await notifyUsers(tx, {
      userIds: [to.id],
      organisationId: actor.organisationId,
      kind: "delegated",
      messageKey: "delegated",
      params: { name: actor.fullName, from: input.startsOn, to: input.endsOn },
    });
    await syncDelegateBoxes(tx, actor.organisationId, today);
    return row!;
  });
}

/** Ends a delegation now (or cancels a planned one); only the leader who gave it may. */
export async function revokeDelegation(db: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, "incoming.direct");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(delegation)
      .where(
        and(
          eq(delegation.id, input.id),
          eq(delegation.organisationId, actor.organisationId),
          eq(delegation.fromUserId, actor.userId),
        ),
      )
      .for("update");
    if (!row) throw notFound("delegation");
    if (row.revokedAt || row.endsOn < vietnamToday())
      throw new AppError("CONFLICT", "delegation.alreadyEnded");
    await tx.update(delegation).set({ revokedAt: new Date() }).where(eq(delegation.id, row.id));
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "delegation.revoke",
      entityType: "delegation",
      entityId: row.id,
      data: {},
    });
    await notifyUsers(tx, {
      userIds: [row.toUserId],
      organisationId: actor.organisationId,
      kind: "delegated",
      messageKey: "delegationRevoked",
      params: { name: actor.fullName },
    });
    await syncDelegateBoxes(tx, actor.organisationId);
    return { id: row.id };
  });
}
