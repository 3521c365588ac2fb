// The organisation tree as the "Kính gửi" field of a draft reads it: search by name or code
// without diacritics, the open organisations of a branch in one step, and what has become of
// the organisations a draft or a group names (merged into another, closed, hosted elsewhere).
// The tree is shared by the whole deployment, so none of this is scoped to the actor's
// organisation beyond leaving the actor's own out of a branch.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { can } from "@/lib/permissions";
import type {
  DescribeRecipientsInput,
  RecipientBranchInput,
  RecipientSearchInput,
} from "@/lib/schemas/recipients";
import { assertCan, type Actor } from "../authz/actor";
import { notFound } from "../errors";
import { listRecentOutsideIssuers, organisationMatches } from "../incoming/issuers";

export const RECIPIENT_SEARCH_LIMIT = 20;
/** Merges are followed this far; a longer chain is a loop or an error in the tree. */
const MAX_MERGE_HOPS = 10;

/** An open organisation the field may add, with what helps to tell it from its namesakes. */
export type RecipientChoice = {
  id: string;
  code: string;
  name: string;
  parentName: string | null;
  /** Hosted by a peer deployment: delivered through the exchange. */
  peer: boolean;
  /** Its open organisations one level down (but the actor's), which "the whole branch" adds. */
  children: number;
};

export type RecipientChoices = {
  organisations: RecipientChoice[];
  /** Outside bodies the clerks typed in lately (clerks only), most recent first. */
  recent: string[];
};

/** What has become of an organisation a draft or a group names. */
export type RecipientState = {
  id: string;
  code: string;
  name: string;
  status: "active" | "closed" | "merged";
  peer: boolean;
  /** Where documents to a merged organisation go now; null when nothing open took it over. */
  successor: { id: string; code: string; name: string; peer: boolean } | null;
};

const parent = alias(organisation, "parent");

/** The columns of a choice; `children` leaves out the actor's organisation, as a branch does. */
const choiceColumns = (actor: Actor) => ({
  id: organisation.id,
  code: organisation.code,
  name: organisation.name,
  parentName: parent.name,
  peer: sql<boolean>`${organisation.peerId} is not null`,
  children: sql<number>`(select count(*)::int from "organisation" "child" where "child"."parent_id" = ${organisation.id} and "child"."status" = 'active' and "child"."id" <> ${actor.organisationId})`,
});

/** Open organisations whose name or code holds the query, by name; every drafter may search. */
export async function searchRecipients(
  db: DbOrTx,
  actor: Actor,
  input: RecipientSearchInput,
): Promise<RecipientChoices> {
  assertCan(actor, "outgoing.draft");
  const [organisations, recent] = await Promise.all([
    db
      .select(choiceColumns(actor))
      .from(organisation)
      .leftJoin(parent, eq(parent.id, organisation.parentId))
      .where(and(eq(organisation.status, "active"), organisationMatches(input.query)))
      .orderBy(asc(organisation.name), asc(organisation.id))
      .limit(RECIPIENT_SEARCH_LIMIT),
    can(actor.roles, "incoming.receive")
      ? listRecentOutsideIssuers(db, actor, input.query)
      : Promise.resolve([]),
  ]);
  return { organisations, recent };
}

/**
 * The open organisations directly under one ("all wards of Hoàng Mai"), by name, without the
 * actor's own: a document is never delivered to its sender.
 */
export async function listRecipientBranch(
  db: DbOrTx,
  actor: Actor,
  input: RecipientBranchInput,
): Promise<{ parent: { id: string; name: string }; children: RecipientChoice[] }> {
  assertCan(actor, "outgoing.draft");
  const [head] = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.id, input.organisationId), eq(organisation.status, "active")));
  if (!head) throw notFound("organisation");
  const children = await db
    .select(choiceColumns(actor))
    .from(organisation)
    .leftJoin(parent, eq(parent.id, organisation.parentId))
    .where(
      and(
        eq(organisation.parentId, head.id),
        eq(organisation.status, "active"),
        ne(organisation.id, actor.organisationId),
      ),
    )
    .orderBy(asc(organisation.name), asc(organisation.id));
  return { parent: head, children };
}

/** The named organisations as they are now, in the order asked; unknown ids are left out. */
export async function describeRecipients(
  db: DbOrTx,
  actor: Actor,
  input: DescribeRecipientsInput,
): Promise<RecipientState[]> {
  assertCan(actor, "outgoing.draft");
  return unsafeDescribeOrganisations(db, input.organisationIds);
}

type OrgRow = {
  id: string;
  code: string;
  name: string;
  status: "active" | "closed" | "merged";
  peer: boolean;
  mergedIntoId: string | null;
};

/**
 * Unscoped: the tree is public within the deployment (any drafter may search it), so naming
 * an organisation's state reveals nothing. Follows merges as delivery does, one query per hop.
 */
export async function unsafeDescribeOrganisations(
  db: DbOrTx,
  ids: readonly string[],
): Promise<RecipientState[]> {
  const known = new Map<string, OrgRow>();
  let wanted = [...new Set(ids)];
  for (let hop = 0; wanted.length > 0 && hop <= MAX_MERGE_HOPS; hop++) {
    const rows = await db
      .select({
        id: organisation.id,
        code: organisation.code,
        name: organisation.name,
        status: organisation.status,
        peer: sql<boolean>`${organisation.peerId} is not null`,
        mergedIntoId: organisation.mergedIntoId,
      })
      .from(organisation)
      .where(inArray(organisation.id, wanted));
    for (const r of rows) known.set(r.id, r);
    wanted = [
      ...new Set(
        rows.flatMap((r) =>
          r.status === "merged" && r.mergedIntoId && !known.has(r.mergedIntoId)
            ? [r.mergedIntoId]
            : [],
        ),
      ),
    ];
  }
  const successorOf = (row: OrgRow): RecipientState["successor"] => {
    let at: OrgRow | undefined = row;
    for (let hop = 0; at && hop <= MAX_MERGE_HOPS; hop++) {
      if (at.status === "active") return { id: at.id, code: at.code, name: at.name, peer: at.peer };
      at = at.status === "merged" && at.mergedIntoId ? known.get(at.mergedIntoId) : undefined;
    }
    return null;
  };
  return ids.flatMap((id) => {
    const row = known.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        code: row.code,
        name: row.name,
        status: row.status,
        peer: row.peer,
        successor: row.status === "active" ? null : successorOf(row),
      },
    ];
  });
}
