import type { z } from "zod";
import type { RichText } from "@/components/ui/rich-text-editor";
import type { Confidentiality, DocumentType, Urgency } from "@/lib/documents";
import type { DraftFields, DraftRecipient, SigningAuthority } from "@/lib/outgoing";
import { isDeputy } from "@/lib/rank";
import type { DraftBody, draftInput } from "@/lib/schemas/outgoing";
import { countCharacters } from "@/lib/schemas/fields";

export const SUBJECT_MAX = 1000;
export const SIGNER_TITLE_MAX = 300;
export const COPY_LINE_MAX = 300;

/** What is sent to `outgoing.create` and with `saveDraft`. */
export type DraftRequest = z.input<typeof draftInput>;

/** Those the document is addressed to ("Kính gửi"): bodies of the tree or outside it. */
export type Addressee = Extract<DraftRecipient, { kind: "organisation" | "outside" }>;

/** A unit or a person of the organisation it is also distributed to: `unit:<id>` or `user:<id>`. */
export type InternalTarget = string;

/** A saved draft (or the start of a new one) as the form receives it. */
export type DraftInitial = Partial<DraftFields> & { body?: RichText | null };

/** What the drafter edits: the request's fields, with recipients split as the form shows them. */
export type DraftValues = {
  documentType: DocumentType;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  addressees: Addressee[];
  internal: InternalTarget[];
  copiesTo: string[];
  signerId: string | null;
  signingAuthority: SigningAuthority;
  signerTitle: string;
  body: RichText;
  attachments: { sha256: string; fileName: string }[];
};

/** "Nơi nhận" of a new draft: the addressees, then the copy kept by the clerks and the unit. */
export function defaultCopiesTo(unitShortName: string | null | undefined): string[] {
  return ["- Như trên;", unitShortName ? `- Lưu: VT, ${unitShortName}.` : "- Lưu: VT."];
}

const internalValue = (r: DraftRecipient): InternalTarget | null =>
  r.kind === "unit" ? `unit:${r.unitId}` : r.kind === "person" ? `user:${r.userId}` : null;

export function draftValuesOf(initial: DraftInitial = {}): DraftValues {
  const recipients = initial.recipients ?? [];
  return {
    documentType: initial.documentType ?? "cong_van",
    subject: initial.subject ?? "",
    urgency: initial.urgency ?? "normal",
    confidentiality: initial.confidentiality ?? "normal",
    addressees: recipients.filter(
      (r): r is Addressee => r.kind === "organisation" || r.kind === "outside",
    ),
    internal: recipients.map(internalValue).filter((v): v is string => v !== null),
    copiesTo: initial.copiesTo ?? defaultCopiesTo(null),
    signerId: initial.signerId ?? null,
    signingAuthority: initial.signingAuthority ?? "none",
    signerTitle: initial.signerTitle ?? "",
    body: initial.body ?? { type: "doc", content: [{ type: "paragraph" }] },
    attachments: initial.attachments ?? [],
  };
}

/**
 * The request. Units and people are named as the directory names them now, or as the draft
 * named them if they have left it (the server then says which recipient is no longer valid);
 * empty "Nơi nhận" lines are dropped; fields the form does not show are kept as they were.
 */
export function toDraftRequest(
  values: DraftValues,
  {
    initial = {},
    names,
    attachments = values.attachments,
  }: {
    initial?: DraftInitial;
    names: ReadonlyMap<InternalTarget, string>;
    attachments?: { sha256: string; fileName: string }[];
  },
): DraftRequest {
  const earlier = new Map(
    (initial.recipients ?? []).flatMap((r) => {
      const v = internalValue(r);
      return v ? [[v, r.name] as const] : [];
    }),
  );
  const internal = values.internal.map((v): DraftRecipient => {
    const [kind, id = ""] = v.split(":");
    const name = names.get(v) ?? earlier.get(v) ?? "";
    return kind === "unit"
      ? { kind: "unit", unitId: id, name }
      : { kind: "person", userId: id, name };
  });
  const signerTitle = values.signerTitle.trim();
  return {
    documentType: values.documentType,
    subject: values.subject,
    urgency: values.urgency,
    confidentiality: values.confidentiality,
    recipients: [...values.addressees, ...internal],
    copiesTo: values.copiesTo.map((line) => line.trim()).filter(Boolean),
    signerId: values.signerId,
    signingAuthority: values.signingAuthority,
    signerTitle: signerTitle || null,
    draftingUnitId: initial.draftingUnitId ?? null,
    answersDocumentId: initial.answersDocumentId ?? null,
    attachments,
    body: values.body as DraftBody,
  };
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The checks the browser can make before asking the server, in the server's own words. */
export function draftErrors(values: DraftValues, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.subject.trim()) errors.subject = t("validation.required");
  else if (countCharacters(values.subject.normalize("NFC")) > SUBJECT_MAX)
    errors.subject = t("validation.tooLong", { max: SUBJECT_MAX });
  return errors;
}

/**
 * The form's field for a field the server refused. The server names recipients by their place
 * in the request, addressees first, then units and people.
 */
export function draftFieldOf(field: string, addresseeCount: number): string {
  const recipient = /^recipients(?:\.(\d+))?/.exec(field);
  if (recipient) {
    return recipient[1] !== undefined && Number(recipient[1]) >= addresseeCount
      ? "internal"
      : "addressees";
  }
  const copy = /^copiesTo(?:\.(\d+))?/.exec(field);
  if (copy) return copy[1] !== undefined ? `copiesTo.${copy[1]}` : "copiesTo";
  if (field.startsWith("body")) return "body";
  if (field.startsWith("attachments")) return "attachments";
  return field.split(".")[0]!;
}

// Posts are written with the body they belong to ("Chủ tịch UBND phường"); a signature
// block names the post alone ("CHỦ TỊCH"), under the body's own name when it signs for it.
const BODY_OF_POST = /\s+(?:UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng)(?=\s|$).*$/iu;
const PLACE = /\s+(?:phường|xã|thị trấn|thị xã|quận|huyện|tỉnh|thành phố|đặc khu)(?=\s|$).*$/iu;

const upper = (s: string) => s.normalize("NFC").trim().toLocaleUpperCase("vi");

/** "Phó Chủ tịch UBND phường" → "Phó Chủ tịch". */
export const postOf = (jobTitle: string) => jobTitle.normalize("NFC").replace(BODY_OF_POST, "");

/** "Ủy ban nhân dân phường Định Công" → "Ủy ban nhân dân". */
export const collectiveOf = (organisationName: string) =>
  organisationName.normalize("NFC").replace(PLACE, "");

/**
 * The position lines of the signature block (Decree 30, Appendix I) for the chosen authority:
 * TM. under the collective's name, KT./TL./TUQ. under the head's post then the signer's own,
 * Q. for the acting head. A deputy signing for a collective signs KT. for the head.
 */
export function suggestSignerTitle({
  authority,
  signerJobTitle,
  headJobTitle,
  organisationName,
}: {
  authority: SigningAuthority;
  signerJobTitle: string | null;
  headJobTitle: string | null;
  organisationName: string;
}): string {
  const signer = signerJobTitle ? upper(postOf(signerJobTitle)) : "";
  const head = headJobTitle ? upper(postOf(headJobTitle)) : "";
  const deputy = isDeputy(signerJobTitle);
  const lines: Record<SigningAuthority, string[]> = {
    none: [signer],
    tm: [
      `TM. ${upper(collectiveOf(organisationName))}`,
      deputy && head ? `KT. ${head}` : "",
      signer,
    ],
    kt: [head ? `KT. ${head}` : "KT.", signer],
    q: [`Q. ${head || signer.replace(/^PHÓ\s+/u, "")}`.trim()],
    tl: [head ? `TL. ${head}` : "TL.", signer],
    tuq: [head ? `TUQ. ${head}` : "TUQ.", signer],
  };
  return lines[authority].filter(Boolean).join("\n");
}
