import { z } from "zod";
import { recallKinds } from "@/lib/delivery";
import { confidentialities, documentTypeKeys, urgencies } from "@/lib/documents";
import { approvalRules, approvalStepKinds, signingAuthorities } from "@/lib/outgoing";
import {
  idField,
  int32Field,
  optionalText,
  requiredText,
  secretText,
  sha256Field,
  textField,
  versionField,
} from "./fields";

/** The nodes and marks the draft editor offers (tiptap's StarterKit, tables, alignment). */
const nodeTypes = [
  "doc",
  "paragraph",
  "heading",
  "text",
  "hardBreak",
  "bulletList",
  "orderedList",
  "listItem",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
  "blockquote",
  "horizontalRule",
] as const;
const markTypes = ["bold", "italic", "underline", "strike"] as const;

const MAX_BODY_CHARS = 400_000;
const MAX_DEPTH = 12;

type RichNode = {
  type: (typeof nodeTypes)[number];
  attrs?: Record<string, unknown>;
  text?: string;
  marks?: { type: (typeof markTypes)[number] }[];
  content?: RichNode[];
};

const nodeAttrs = z
  .object({
    textAlign: z.enum(["left", "center", "right", "justify"]).nullish(),
    level: int32Field({ min: 1, max: 4 }).optional(),
    start: int32Field({ min: 0, max: 10_000 }).optional(),
    colspan: int32Field({ min: 1, max: 20 }).optional(),
    rowspan: int32Field({ min: 1, max: 50 }).optional(),
    colwidth: z
      .array(int32Field({ min: 1, max: 2000 }))
      .max(20)
      .nullish(),
  })
  .strip();

const richNode: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.enum(nodeTypes),
    attrs: nodeAttrs.optional(),
    // Normalised, without control characters (a line break is a node), spaces kept as typed.
    text: textField({ max: 20_000, trim: false }).optional(),
    marks: z
      .array(z.object({ type: z.enum(markTypes) }).strip())
      .max(4)
      .optional(),
    content: z.array(richNode).max(5_000).optional(),
  }),
);

function depth(node: RichNode): number {
  return 1 + Math.max(0, ...(node.content ?? []).map(depth));
}

/** The body of a draft: a tiptap document of the editor's nodes, bounded in size and depth. */
export const draftBody = richNode.superRefine((doc, ctx) => {
  if (doc.type !== "doc") ctx.addIssue({ code: "custom", message: "outgoing.bodyInvalid" });
  if (JSON.stringify(doc).length > MAX_BODY_CHARS)
    ctx.addIssue({ code: "custom", message: "outgoing.bodyTooLong" });
  if (depth(doc) > MAX_DEPTH) ctx.addIssue({ code: "custom", message: "outgoing.bodyInvalid" });
});
export type DraftBody = z.infer<typeof draftBody>;

export const draftRecipient = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("organisation"), organisationId: idField, name: requiredText(300) }),
  z.object({ kind: z.literal("outside"), name: requiredText(300) }),
  z.object({ kind: z.literal("unit"), unitId: idField, name: requiredText(300) }),
  z.object({ kind: z.literal("person"), userId: idField, name: requiredText(300) }),
]);

/** What the drafter saves: every field of the draft and its body; each save is a new version. */
export const draftInput = z.object({
  documentType: z.enum(documentTypeKeys),
  subject: requiredText(1000),
  urgency: z.enum(urgencies).default("normal"),
  confidentiality: z.enum(confidentialities).default("normal"),
  recipients: z.array(draftRecipient).max(200).default([]),
  copiesTo: z.array(requiredText(300)).max(100).default([]),
  signerId: idField.nullish(),
  signingAuthority: z.enum(signingAuthorities).default("none"),
  signerTitle: optionalText(300, { multiline: true }),
  draftingUnitId: idField.nullish(),
  answersDocumentId: idField.nullish(),
  attachments: z
    .array(z.object({ sha256: sha256Field, fileName: requiredText(255) }))
    .max(20)
    .default([]),
  body: draftBody,
});
export type DraftInput = z.infer<typeof draftInput>;

export const routeStepInput = z.object({
  kind: z.enum(approvalStepKinds),
  rule: z.enum(approvalRules).default("all"),
  userIds: z.array(idField).min(1).max(10),
});

/** Every action on an outgoing document, one shape per action. */
export const outgoingActionInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("saveDraft"),
    draft: draftInput,
  }),
  z.object({
    action: z.literal("sendOnRoute"),
    steps: z.array(routeStepInput).min(1).max(10),
    comment: optionalText(2000, { multiline: true }),
  }),
  z.object({
    action: z.literal("approveStep"),
    comment: optionalText(2000, { multiline: true }),
  }),
  z.object({
    action: z.literal("returnDraft"),
    /** An earlier step to go back to; none sends it back to the drafter. */
    toPosition: int32Field({ min: 1, max: 20 }).nullish(),
    comment: requiredText(2000, { multiline: true }),
  }),
  z.object({
    action: z.literal("refuse"),
    comment: requiredText(2000, { multiline: true }),
  }),
  z.object({
    action: z.literal("comment"),
    comment: requiredText(4000, { multiline: true }),
  }),
  /** The sender asks every recipient to give an issued document back (or to take an update). */
  z.object({
    action: z.literal("requestRecall"),
    kind: z.enum(recallKinds),
    reason: requiredText(1000, { multiline: true }),
    /** With "replace": the organisation's issued document that replaces this one. */
    replacementId: idField.nullish(),
  }),
]);
export type OutgoingActionInput = z.infer<typeof outgoingActionInput>;
export type OutgoingActionName = OutgoingActionInput["action"];

export const outgoingActionRequest = z.object({
  documentId: idField,
  version: versionField,
  input: outgoingActionInput,
});

/**
 * The leader's signature, or the clerk's number and seal: the document, its version, the PIN (none
 * for a key held by a remote signing service, where the holder approves on their phone).
 */
export const outgoingSignInput = z.object({
  documentId: idField,
  version: versionField,
  pin: secretText(64).optional(),
});

/** Batch signing: several documents the leader read, each at the version they read, one PIN. */
export const outgoingSignManyInput = z.object({
  items: z
    .array(z.object({ documentId: idField, version: versionField }))
    .min(1)
    .max(50),
  pin: secretText(64).optional(),
});

export const outgoingIssueInput = outgoingSignInput.extend({ registryId: idField.nullish() });
