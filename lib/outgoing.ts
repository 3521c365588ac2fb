// Vocabulary of outgoing documents shared by server and client: signing authority (Decree 30,
// Art. 13), recipients, the saved fields of a draft, and the approval route's steps.
import type { DocumentType, Confidentiality, Urgency } from "./documents";

/** Signing on someone's behalf: TM. (a collective), KT. (a deputy for the head), Q. (acting),
 * TL. (by order), TUQ. (by authorisation); "none" when the head signs in their own name. */
export const signingAuthorities = ["none", "tm", "kt", "q", "tl", "tuq"] as const;
export type SigningAuthority = (typeof signingAuthorities)[number];

/** The prefix printed before the authority line. */
export const authorityPrefix: Record<SigningAuthority, string> = {
  none: "",
  tm: "TM.",
  kt: "KT.",
  q: "Q.",
  tl: "TL.",
  tuq: "TUQ.",
};

/** Who a document goes to: an organisation of the tree, a body outside it, or, inside, a unit or person. */
export type DraftRecipient =
  | { kind: "organisation"; organisationId: string; name: string }
  | { kind: "outside"; name: string }
  | { kind: "unit"; unitId: string; name: string }
  | { kind: "person"; userId: string; name: string };

/** The fields of a draft as saved in each version (the body is kept beside them). */
export type DraftFields = {
  documentType: DocumentType;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  recipients: DraftRecipient[];
  copiesTo: string[];
  signerId: string | null;
  signingAuthority: SigningAuthority;
  signerTitle: string | null;
  draftingUnitId: string | null;
  answersDocumentId: string | null;
  attachments: { sha256: string; fileName: string }[];
};

export const approvalStepKinds = ["review", "format_check", "sign"] as const;
export type ApprovalStepKind = (typeof approvalStepKinds)[number];
export const approvalRules = ["all", "any"] as const;
export type ApprovalRule = (typeof approvalRules)[number];

/**
 * Who a template's step names without naming people, resolved when a draft takes the template:
 * the head(s) of the drafter's unit, the organisation's clerks, or a leader the drafter picks
 * (the draft's signer when it has one).
 */
export const routeMemberRoles = ["unit_head_of_drafter", "clerks", "leader"] as const;
export type RouteMemberRole = (typeof routeMemberRoles)[number];

/** The roles that make sense at each kind of step (a signature is a leader's, a format check a clerk's). */
export const memberRolesByKind: Record<ApprovalStepKind, readonly RouteMemberRole[]> = {
  review: ["unit_head_of_drafter", "clerks", "leader"],
  format_check: ["clerks"],
  sign: ["leader"],
};

/**
 * A step of a route template: named people, a role, both, or neither (the drafter then chooses
 * the step's people).
 */
export type RouteTemplateStep = {
  kind: ApprovalStepKind;
  rule: ApprovalRule;
  userIds: string[];
  role: RouteMemberRole | null;
};

/** "V/v" before a công văn's subject, as printed under its number. */
/** A subject without the "V/v" its writer may have typed before it (the line adds its own). */
export const withoutVv = (subject: string) => subject.replace(/^\s*v\/v\.?\s+/i, "");

export const subjectLine = (documentType: DocumentType, subject: string) =>
  documentType === "cong_van" ? `V/v ${withoutVv(subject)}` : subject;
