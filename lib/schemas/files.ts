import { z } from "zod";
import { requiredText, sha256Field } from "./fields";

/** The document's text (main, always a PDF), its attachments, and files added while handling it. */
export const documentFileKinds = ["main", "attachment", "progress", "result"] as const;
export type DocumentFileKind = (typeof documentFileKinds)[number];

export const MAX_FILES_PER_CALL = 20;

/** Files already uploaded (POST /api/files), to attach to a document in the same call. */
export const attachedFilesInput = z
  .array(
    z.object({
      sha256: sha256Field,
      fileName: requiredText(255),
      kind: z.enum(documentFileKinds),
    }),
  )
  .max(MAX_FILES_PER_CALL);

export type AttachedFilesInput = z.infer<typeof attachedFilesInput>;
export type AttachedFile = AttachedFilesInput[number];
