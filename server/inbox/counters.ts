// The counts of every box the home page and the navigation show.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import type { ClerkBox, OutgoingBox } from "@/lib/schemas/inbox";
import { addDays, vietnamToday } from "@/lib/dates";
import { assertCan, type Actor } from "../authz/actor";
import { visibleTo } from "../incoming/visibility";
import { clerkBoxStatus, clerkWorkBoxes, DUE_SOON_DAYS, outranked } from "./boxes";

export type InboxCounters = {
  /** Present for clerks. */
  clerk: { toRegister: number; toPresent: number; returned: number; atLeader: number } | null;
  /** Present for leaders. */
  leader: { toDirect: number } | null;
  /** Present for those who assign parts (leaders, unit heads): results waiting for them. */
  toReview: number | null;
  toHandle: number;
  dueSoon: number;
  overdue: number;
  returned: number;
  infoUnread: number;
  /** Outgoing documents waiting for this person, by box. */
  outgoing: Record<OutgoingBox, number>;
};

/**
 * The counts the home page shows: one query over the person's boxes (an index-only scan of
 * document_participant_inbox_idx), one for the clerk's. Only the box to handle can hold two
 * rows of one person for one document (a unit head who is also named co-handler), so only its
 * counts are of distinct documents; the others count rows, which spares sorting a leader's
 * thousands of copies for information.
 */
function personalCountersQuery(actor: Actor, today = vietnamToday()): SQL {
  const toHandle = sql`p.box = 'to_handle'`;
  return sql`select
      count(*) filter (where p.box = 'to_direct')::int as "toDirect",
      count(*) filter (where p.box = 'to_review')::int as "toReview",
      count(distinct p.document_id) filter (where ${toHandle})::int as "toHandle",
      count(distinct p.document_id) filter (where ${toHandle}
        and p.deadline between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date)::int as "dueSoon",
      count(distinct p.document_id) filter (where ${toHandle} and p.deadline < ${today}::date)::int as "overdue",
      count(distinct p.document_id) filter (where ${toHandle} and p.returned = 1)::int as "returned",
      count(*) filter (where p.box = 'info_unread')::int as "infoUnread",
      count(*) filter (where p.box = 'to_sign')::int as "to_sign",
      count(*) filter (where p.box = 'draft_review')::int as "draft_review",
      count(*) filter (where p.box = 'to_issue')::int as "to_issue",
      count(*) filter (where p.box = 'draft_returned')::int as "draft_returned",
      count(*) filter (where p.box = 'drafting')::int as "drafting"
    from document_participant p
    where p.user_id = ${actor.userId} and p.organisation_id = ${actor.organisationId}
      and p.box in ('to_direct', 'to_handle', 'to_review', 'info_unread', 'to_sign',
        'draft_review', 'to_issue', 'draft_returned', 'drafting') and not ${outranked}`;
}

/** How many documents wait in each box of the clerk's own work. */
function clerkCountersQuery(db: DbOrTx, actor: Actor) {
  const inBox = (box: ClerkBox) =>
    sql<number>`count(*) filter (where ${document.status} = ${clerkBoxStatus[box]})::int`;
  return db
    .select({
      toRegister: inBox("to_register"),
      toPresent: inBox("to_present"),
      returned: inBox("returned"),
      atLeader: inBox("at_leader"),
    })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        eq(document.direction, "incoming"),
        inArray(
          document.status,
          [...clerkWorkBoxes].map((box) => clerkBoxStatus[box]),
        ),
      ),
    );
}

export async function inboxCounters(db: DbOrTx, actor: Actor): Promise<InboxCounters> {
  assertCan(actor, "incoming.read");
  const today = vietnamToday();
  const isClerk = actor.roles.includes("clerk");
  const [personal, clerk] = await Promise.all([
    db.execute<
      {
        toDirect: number;
        toReview: number;
        toHandle: number;
        dueSoon: number;
        overdue: number;
        returned: number;
        infoUnread: number;
      } & Record<OutgoingBox, number>
    >(personalCountersQuery(actor, today)),
    isClerk ? clerkCountersQuery(db, actor) : Promise.resolve([]),
  ]);
  const { toDirect, toReview, to_sign, draft_review, to_issue, draft_returned, drafting, ...mine } =
    personal.rows[0]!;
  const assigns = actor.roles.includes("leader") || actor.roles.includes("unit_head");
  return {
    clerk: clerk[0] ?? null,
    leader: actor.roles.includes("leader") ? { toDirect } : null,
    toReview: assigns || toReview > 0 ? toReview : null,
    ...mine,
    outgoing: { to_sign, draft_review, to_issue, draft_returned, drafting },
  };
}
