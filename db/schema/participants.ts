// Who takes part in a document and how: the rows every inbox, counter and visibility check reads.
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { document, urgency } from "./documents";
import { assignment } from "./handling";
import { organisation } from "./org";
import { appUser } from "./users";

export const participantKind = pgEnum("participant_kind", [
  "registrar",
  "presented",
  "director",
  "lead",
  "co",
  "info",
  "unit_head",
  "granted",
  // Reviews the results of the parts they assigned.
  "reviewer",
  // Directs for an absent leader (ủy quyền) the documents presented to them.
  "delegate",
  // Outgoing: who wrote the draft, who decides at a step of its route, and the clerks who number,
  // seal and issue it; after issue, the units and people it is distributed to inside.
  "drafter",
  "approver",
  "issuing_clerk",
  "distributed",
]);
export const inboxBox = pgEnum("inbox_box", [
  "to_direct",
  "to_handle",
  "to_review",
  "handled",
  "info_unread",
  "info_read",
  "none",
  // Outgoing: my drafts being written, drafts sent back to me, drafts waiting for my review mark or
  // format check, for my signature, and signed documents waiting for the clerk to issue.
  "drafting",
  "draft_returned",
  "draft_review",
  "to_sign",
  "to_issue",
]);

/**
 * Who has a role on a document, and in which of their boxes it sits. Written by the workflow in
 * the same transaction as the state change; it is both the visibility rule (a person sees a
 * document they take part in) and each person's inbox, ordered by urgency then deadline.
 */
export const documentParticipant = pgTable(
  "document_participant",
  {
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    kind: participantKind().notNull(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    assignmentId: uuid().references(() => assignment.id, { onDelete: "cascade" }),
    box: inboxBox().notNull(),
    urgency: urgency().notNull(),
    /** 'infinity' when there is none, so that keyset ordering needs no NULL handling. */
    deadline: date({ mode: "string" }).notNull().default("infinity"),
    /** Set while the person's part was returned to them or by them. */
    returned: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "document_participant_pk", columns: [t.documentId, t.userId, t.kind] }),
    // Serves every personal inbox: one user's box, most urgent first, then nearest deadline.
    // The organisation and the returned flag ride along so that the home page counters
    // (server/inbox/counters.ts) are an index-only scan, even for a leader with 15,000 unread
    // copies for information.
    index("document_participant_inbox_idx").on(
      t.userId,
      t.box,
      t.urgency.desc(),
      t.deadline,
      t.documentId,
      t.organisationId,
      t.returned,
    ),
  ],
);
