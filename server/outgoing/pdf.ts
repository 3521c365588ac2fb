import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { draftVersion, outgoingDraft } from "@/db/schema/outgoing";
import { organisation, unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import { documentTypes } from "@/lib/documents";
import { AppError } from "../errors";
import type { DocumentRow } from "../incoming/visibility";
import { translate } from "../i18n/translate";
import { renderOutgoingPdf, type OutgoingDraftForPdf } from "../pdf/outgoing/render";
import type { TiptapNode } from "../pdf/outgoing/draft";

const PLACE =
  /^(?:ủy ban nhân dân|ubnd|hội đồng nhân dân|đảng ủy)?\s*(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh)\s+(.+)$/iu;

/** "Ủy ban nhân dân phường Định Công" → "Định Công": the place in the date line. */
export const placeOf = (name: string) => PLACE.exec(name.trim())?.[1] ?? name;

/** The notation after the number: "UBND-VP" for a công văn, "QĐ-UBND" for a decision. */
export function notationOf(documentType: string, orgShort: string, unitShort: string | null) {
  const abbr = documentTypes.find((t) => t.key === documentType)?.abbr ?? null;
  if (!abbr) return unitShort ? `${orgShort}-${unitShort}` : orgShort;
  return `${abbr}-${orgShort}`;
}

/**
 * The document's PDF as of its current version: what the preview shows, what the leader signs.
 * Laid out from the saved version (its time is the file's date), so the same version always
 * gives the same bytes.
 */
export async function draftPdf(db: DbOrTx, doc: DocumentRow) {
  const [row] = await db
    .select({
      draft: outgoingDraft,
      createdAt: draftVersion.createdAt,
      orgName: organisation.name,
      orgShort: organisation.shortName,
      parentId: organisation.parentId,
    })
    .from(outgoingDraft)
    .innerJoin(
      draftVersion,
      and(
        eq(draftVersion.documentId, outgoingDraft.documentId),
        eq(draftVersion.number, outgoingDraft.currentVersion),
      ),
    )
    .innerJoin(organisation, eq(organisation.id, outgoingDraft.organisationId))
    .where(eq(outgoingDraft.documentId, doc.id));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const { draft } = row;
  const [parent] = row.parentId
    ? await db
        .select({ name: organisation.name })
        .from(organisation)
        .where(eq(organisation.id, row.parentId))
    : [];
  const [drafting] = draft.draftingUnitId
    ? await db
        .select({ shortName: unit.shortName })
        .from(unit)
        .where(eq(unit.id, draft.draftingUnitId))
    : [];
  const [signer] = draft.signerId
    ? await db
        .select({ fullName: appUser.fullName })
        .from(appUser)
        .where(eq(appUser.id, draft.signerId))
    : [];
  const titleLines = (draft.signerTitle ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const authority =
    draft.signingAuthority === "none" ? "none" : draft.signingAuthority.toUpperCase();
  const onBehalfOf =
    authority !== "none" && titleLines.length > 1
      ? titleLines[0]!.replace(/^(TM|KT|Q|TL|TUQ)\.\s*/i, "")
      : null;
  const archive = draft.copiesTo.find((l) => /^-?\s*Lưu/i.test(l));
  const archiveUnit =
    drafting?.shortName ?? /VT,\s*([^.;]+)/.exec(archive ?? "")?.[1]?.trim() ?? "VP";
  const input: OutgoingDraftForPdf = {
    issuer: {
      parentName: parent ? parent.name.toLocaleUpperCase("vi") : null,
      name: row.orgName.toLocaleUpperCase("vi"),
    },
    placeName: placeOf(row.orgName),
    documentType: {
      code: doc.documentType,
      name: translate("vi", `documentTypes.${doc.documentType}`),
    },
    notation: notationOf(doc.documentType, row.orgShort, drafting?.shortName ?? null),
    subject: doc.subject,
    body: draft.body as TiptapNode,
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
    recipients: draft.recipients
      .filter((r) => r.kind !== "person" && r.kind !== "unit")
      .map((r) => r.name),
    copiesTo: draft.copiesTo
      .filter((l) => l !== archive)
      .map((l) => l.replace(/^-\s*/, "").replace(/[;.]\s*$/, "")),
    archiveUnit,
    signature: {
      authority: authority as OutgoingDraftForPdf["signature"]["authority"],
      onBehalfOf,
      title: titleLines.at(-1) ?? "",
      signerName: signer?.fullName ?? "",
    },
    now: row.createdAt,
  };
  const rendered = await renderOutgoingPdf(input);
  return { ...rendered, notation: input.notation, placeName: input.placeName };
}
