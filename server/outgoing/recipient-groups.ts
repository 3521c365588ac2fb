// Recipient groups: named lists of organisations ("Các phường thuộc quận Hoàng Mai") an
// organisation's clerks keep, applied in one step by whoever drafts there.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { recipientGroup } from "@/db/schema/recipient-groups";
import { can } from "@/lib/permissions";
import type {
  CreateRecipientGroupInput,
  DeleteRecipientGroupInput,
  UpdateRecipientGroupInput,
} from "@/lib/schemas/recipients";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { fieldError, notFound, stale } from "../errors";
import { unsafeDescribeOrganisations, type RecipientState } from "../org/recipient-directory";
import { uniqueNameGuard } from "../org/unique-violation";

export type RecipientGroupRow = {
  id: string;
  name: string;
  version: number;
  updatedAt: Date;
  /** In the group's order, each as it is now (merged, closed, hosted elsewhere). */
  members: RecipientState[];
};

const NAME_UQ = "recipient_group_org_name_uq";

const columns = {
  id: recipientGroup.id,
  name: recipientGroup.name,
  memberIds: recipientGroup.memberIds,
  version: recipientGroup.version,
  updatedAt: recipientGroup.updatedAt,
};
type GroupCore = {
  id: string;
  name: string;
  memberIds: string[];
  version: number;
  updatedAt: Date;
};

/** The organisation's groups by name, for whoever drafts; `canManage` says who may change them. */
export async function listRecipientGroups(
  db: DbOrTx,
  actor: Actor,
): Promise<{ canManage: boolean; groups: RecipientGroupRow[] }> {
  assertCan(actor, "outgoing.draft");
  const rows = await db
    .select(columns)
    .from(recipientGroup)
    .where(eq(recipientGroup.organisationId, actor.organisationId))
    .orderBy(asc(sql`lower(${recipientGroup.name})`), asc(recipientGroup.id));
  return { canManage: can(actor.roles, "outgoing.issue"), groups: await withMembers(db, rows) };
}

export async function createRecipientGroup(
  db: Db,
  actor: Actor,
  input: CreateRecipientGroupInput,
): Promise<RecipientGroupRow> {
  assertCan(actor, "outgoing.issue");
  const organisationId = actor.organisationId;
  const memberIds = [...new Set(input.memberIds)];
  return uniqueNameGuard(NAME_UQ, "recipientGroups.nameTaken", () =>
    db.transaction(async (tx) => {
      const members = await checkGroup(tx, organisationId, input.name, memberIds, null);
      const [row] = await tx
        .insert(recipientGroup)
        .values({
          organisationId,
          name: input.name,
          memberIds,
          createdById: actor.userId,
          updatedById: actor.userId,
        })
        .returning(columns);
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "recipientGroup.created",
        entityType: "recipientGroup",
        entityId: row!.id,
        data: { name: input.name, members: members.map((m) => m.name) },
      });
      return { ...pick(row!), members };
    }),
  );
}

/** Renames a group, changes its members, or both; an unchanged group is left as it was. */
export async function updateRecipientGroup(
  db: Db,
  actor: Actor,
  input: UpdateRecipientGroupInput,
): Promise<RecipientGroupRow> {
  assertCan(actor, "outgoing.issue");
  const organisationId = actor.organisationId;
  const memberIds = [...new Set(input.memberIds)];
  return uniqueNameGuard(NAME_UQ, "recipientGroups.nameTaken", () =>
    db.transaction(async (tx) => {
      const current = await lockGroup(tx, organisationId, input.id, input.version);
      const renamed = current.name !== input.name;
      const changed = current.memberIds.join() !== memberIds.join();
      if (!renamed && !changed) return (await withMembers(tx, [current]))[0]!;
      const members = await checkGroup(tx, organisationId, input.name, memberIds, current.id);
      const [row] = await tx
        .update(recipientGroup)
        .set({
          name: input.name,
          memberIds,
          version: sql`${recipientGroup.version} + 1`,
          updatedById: actor.userId,
          updatedAt: new Date(),
        })
        .where(and(eq(recipientGroup.id, current.id), eq(recipientGroup.version, input.version)))
        .returning(columns);
      const before = new Set(current.memberIds);
      const after = new Set(memberIds);
      const removed = await unsafeDescribeOrganisations(
        tx,
        current.memberIds.filter((id) => !after.has(id)),
      );
      await appendAudit(tx, {
        organisationId,
        actor,
        action: "recipientGroup.updated",
        entityType: "recipientGroup",
        entityId: current.id,
        data: {
          name: input.name,
          ...(renamed ? { changes: { name: { from: current.name, to: input.name } } } : {}),
          ...(changed
            ? {
                members: memberIds.length,
                added: members.filter((m) => !before.has(m.id)).map((m) => m.name),
                removed: removed.map((m) => m.name),
              }
            : {}),
        },
      });
      return { ...pick(row!), members };
    }),
  );
}

export async function deleteRecipientGroup(
  db: Db,
  actor: Actor,
  input: DeleteRecipientGroupInput,
): Promise<{ id: string; name: string }> {
  assertCan(actor, "outgoing.issue");
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await lockGroup(tx, organisationId, input.id, input.version);
    await tx
      .delete(recipientGroup)
      .where(
        and(eq(recipientGroup.id, current.id), eq(recipientGroup.organisationId, organisationId)),
      );
    await appendAudit(tx, {
      organisationId,
      actor,
      action: "recipientGroup.deleted",
      entityType: "recipientGroup",
      entityId: current.id,
      data: { name: current.name, members: current.memberIds.length },
    });
    return { id: current.id, name: current.name };
  });
}

/**
 * A name no other group of the organisation has, and members that are open organisations of
 * the tree: a closed or merged one would be a recipient nothing is delivered to as named.
 */
async function checkGroup(
  tx: Tx,
  organisationId: string,
  name: string,
  memberIds: string[],
  exceptId: string | null,
): Promise<RecipientState[]> {
  const errors: Record<string, string> = {};
  const members = await unsafeDescribeOrganisations(tx, memberIds);
  if (members.length !== memberIds.length) errors.memberIds = "recipientGroups.memberUnknown";
  else if (members.some((m) => m.status !== "active"))
    errors.memberIds = "recipientGroups.memberClosed";
  const [clash] = await tx
    .select({ id: recipientGroup.id })
    .from(recipientGroup)
    .where(
      and(
        eq(recipientGroup.organisationId, organisationId),
        sql`lower(${recipientGroup.name}) = lower(${name})`,
        exceptId ? ne(recipientGroup.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) errors.name = "recipientGroups.nameTaken";
  if (Object.keys(errors).length > 0) throw fieldError(errors);
  return members;
}

/** The organisation's group, locked; an id is a claim, so another organisation's is not found. */
async function lockGroup(
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
): Promise<GroupCore> {
  const [row] = await tx
    .select(columns)
    .from(recipientGroup)
    .where(and(eq(recipientGroup.id, id), eq(recipientGroup.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound("recipientGroup");
  if (row.version !== version) throw stale();
  return row;
}

const pick = (r: GroupCore) => ({
  id: r.id,
  name: r.name,
  version: r.version,
  updatedAt: r.updatedAt,
});

/** The groups with their members as they are now, in one pass over the tree for all of them. */
async function withMembers(db: DbOrTx, rows: GroupCore[]): Promise<RecipientGroupRow[]> {
  const states = await unsafeDescribeOrganisations(
    db,
    rows.flatMap((r) => r.memberIds),
  );
  const byId = new Map(states.map((s) => [s.id, s]));
  return rows.map((r) => ({
    ...pick(r),
    members: r.memberIds.flatMap((id) => {
      const s = byId.get(id);
      return s ? [s] : [];
    }),
  }));
}
