import { z } from "zod";
import { noticeTrackingFilters } from "@/lib/notices";
import { idField, int32Field, requiredText, sha256Field, versionField } from "./fields";
import { draftBody } from "./outgoing";

/** Who the notice is for; the people are resolved when it is published. */
export const noticeAudienceInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("organisation") }),
  z.object({ kind: z.literal("units"), unitIds: z.array(idField).min(1).max(200) }),
  z.object({ kind: z.literal("people"), userIds: z.array(idField).min(1).max(2000) }),
]);
export type NoticeAudienceInput = z.infer<typeof noticeAudienceInput>;

/** Everything the office writes in a notice; each save of a draft replaces all of it. */
export const noticeDraftInput = z.object({
  title: requiredText(300),
  body: draftBody,
  audience: noticeAudienceInput,
  requiresConfirmation: z.boolean().default(false),
  attachments: z
    .array(z.object({ sha256: sha256Field, fileName: requiredText(255) }))
    .max(20)
    .default([]),
});
export type NoticeDraftInput = z.infer<typeof noticeDraftInput>;

/** The steps of a notice's life, each applied by the workflow engine. */
export const noticeActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("saveDraft"), draft: noticeDraftInput }),
  z.object({ action: z.literal("publish") }),
  z.object({ action: z.literal("withdraw") }),
]);
export type NoticeActionInput = z.infer<typeof noticeActionInput>;

export const noticeActInput = z.object({
  id: idField,
  version: versionField,
  input: noticeActionInput,
});

export const noticeIdInput = z.object({ id: idField });

export const noticeTrackingInput = z.object({
  id: idField,
  filter: z.enum(noticeTrackingFilters).default("all"),
});

export const myNoticesInput = z.object({ limit: int32Field({ min: 1, max: 200 }).default(100) });
