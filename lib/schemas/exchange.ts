import { z } from "zod";
import { idField, pageLimit, requiredText, versionField } from "./fields";

/** An http(s) address without credentials, query or fragment: where a peer takes packages. */
export const peerUrlField = requiredText(500).superRefine((v, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(v);
  } catch {
    url = null;
  }
  if (
    !url ||
    !["http:", "https:"].includes(url.protocol) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    ctx.addIssue({ code: "custom", message: "exchange.badUrl" });
  }
});

export const peerInput = z.object({
  id: idField.nullish(),
  version: versionField.nullish(),
  name: requiredText(200),
  url: peerUrlField,
  /** The peer's root certificate, PEM (or base64 DER). */
  certificate: requiredText(20_000, { multiline: true }),
  organisationIds: z.array(idField).max(2000),
  active: z.boolean(),
});
export type PeerInput = z.input<typeof peerInput>;

export const outboxStates = ["pending", "failed", "sent"] as const;

export const outboxQuery = z.object({
  state: z.enum(outboxStates).nullish(),
  limit: pageLimit(200, 50),
});

export const outboxRetry = z.object({ id: idField });
