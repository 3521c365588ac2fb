// The outgoing registry book (Decree 30, Appendix IV): the documents one registry numbered on
// issue, in number order, paged by key like the incoming books.
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { document } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import { outgoingDraft } from "@/db/schema/outgoing";
import { formatNumberNotation, type DocumentType } from "@/lib/documents";
import type { DraftRecipient } from "@/lib/outgoing";
import { assertCan, type Actor } from "../authz/actor";
import {
  bookPage,
  bookScope,
  DOWNLOAD_PAGE,
  resolveBookRegistry,
  wholeBook,
  type BookInput,
  type BookPage,
} from "./registry-book";

export type OutgoingBookRow = {
  id: string;
  registryPeriod: string;
  registryNumber: number;
  numberNotation: string;
  /** The day it was numbered and issued. */
  documentDate: string | null;
  documentType: DocumentType;
  subject: string;
  signerName: string | null;
  /** Organisations outside, each sent its copy (a delivery). */
  outsideRecipients: string[];
  /** Units and people inside the organisation, each given it for information. */
  internalRecipients: string[];
  /** The "Nơi nhận" lines that name someone else: not "Như trên" (the recipients), not "Lưu". */
  otherCopiesTo: string[];
  /** Who keeps the file copy: the drafting unit, else what the "Lưu" line names. */
  fileCopy: string | null;
  /** One copy per recipient named in the system; empty when none is named. */
  copies: number | null;
  /** The day the first copy was sent. */
  sentOn: string | null;
  notes: string | null;
};

const ASABOVE = /^-?\s*như trên\b/iu;
const ARCHIVE = /^-?\s*lưu\s*:?\s*/iu;

/** A "Nơi nhận" line without its leading dash and closing ";" or ".". */
const bareLine = (line: string) =>
  line
    .replace(/^-\s*/u, "")
    .replace(/[;.,]\s*$/u, "")
    .trim();

function copiesOf(
  recipients: DraftRecipient[],
  copiesTo: string[],
  draftingUnit: string | null,
): Pick<
  OutgoingBookRow,
  "outsideRecipients" | "internalRecipients" | "otherCopiesTo" | "fileCopy" | "copies"
> {
  const outside = recipients.filter((r) => r.kind === "organisation" || r.kind === "outside");
  const internal = recipients.filter((r) => r.kind === "unit" || r.kind === "person");
  const archive = copiesTo.find((line) => ARCHIVE.test(line));
  const archiveNames = archive ? bareLine(archive.replace(ARCHIVE, "")) : "";
  return {
    outsideRecipients: outside.map((r) => r.name),
    internalRecipients: internal.map((r) => r.name),
    otherCopiesTo: copiesTo
      .filter((line) => !ASABOVE.test(line) && !ARCHIVE.test(line))
      .map(bareLine)
      .filter(Boolean),
    fileCopy: draftingUnit ?? (archiveNames || null),
    // The free "Nơi nhận" lines ("các phòng, ban") cannot be counted, so only recipients are.
    copies: recipients.length > 0 ? recipients.length : null,
  };
}

/** Sổ đăng ký văn bản đi: one row per number the registry gave on issue. */
export async function outgoingRegistryBook(
  db: DbOrTx,
  actor: Actor,
  input: BookInput,
): Promise<BookPage<OutgoingBookRow>> {
  assertCan(actor, "registry.read");
  const book = await resolveBookRegistry(db, actor, input.registryId, "outgoing");
  const rows = await db
    .select({
      id: document.id,
      registryPeriod: sql<string>`${document.registryPeriod}`,
      registryNumber: sql<number>`${document.registryNumber}`,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      documentDate: document.documentDate,
      documentType: document.documentType,
      subject: document.subject,
      signerName: document.signerName,
      recipients: outgoingDraft.recipients,
      copiesTo: outgoingDraft.copiesTo,
      draftingUnit: unit.name,
      notes: document.notes,
    })
    .from(document)
    .leftJoin(
      outgoingDraft,
      and(
        eq(outgoingDraft.documentId, document.id),
        eq(outgoingDraft.organisationId, actor.organisationId),
      ),
    )
    .leftJoin(
      unit,
      and(eq(unit.id, outgoingDraft.draftingUnitId), eq(unit.organisationId, actor.organisationId)),
    )
    .where(bookScope(actor, book, input))
    .orderBy(asc(document.registryPeriod), asc(document.registryNumber))
    .limit(input.limit + 1);
  return bookPage(
    book,
    input,
    rows.map(({ codeNumber, codeNotation, recipients, copiesTo, draftingUnit, ...row }) => ({
      ...row,
      numberNotation: formatNumberNotation(codeNumber, codeNotation),
      ...copiesOf(recipients ?? [], copiesTo ?? [], draftingUnit),
      // Deliveries are not sent yet (they wait, 'pending', with no time of sending): the day
      // the first of them goes out belongs here once they are.
      sentOn: null,
    })),
  );
}

export const wholeOutgoingBook = (
  db: DbOrTx,
  actor: Actor,
  input: Omit<BookInput, "cursor" | "limit">,
) =>
  wholeBook((cursor) =>
    outgoingRegistryBook(db, actor, { ...input, cursor, limit: DOWNLOAD_PAGE }),
  );
