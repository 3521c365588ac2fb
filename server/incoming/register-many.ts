// Registering in one go the documents that arrived electronically: the clerk ticks them in the
// "to register" box and each gets the next arrival number of the book, in the order they came.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { registry } from "@/db/schema/registry";
import { isSecret } from "@/lib/documents";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, fieldError, notFound } from "../errors";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { resolveChosenRegistry } from "./receive";
import { visibleTo } from "./visibility";
import { applyIncomingAction } from "./workflow";

export type RegisterManyResult = {
  documentId: string;
  ok: boolean;
  /** The arrival number given and the book it is in. */
  registryNumber?: number;
  registryName?: string;
  /** Why this one was not registered, in the reader's language. */
  message?: string;
};

/**
 * Each document is registered on its own (its own transaction, its version checked, its status
 * reported to the sender), so one refused (registered meanwhile, recalled, not this person's to
 * see) does not stop the others, and each answer says what became of it. Numbers follow the
 * order of arrival, not the order of the ticks. A repeat finds the documents registered and
 * refuses them as stale: nothing is numbered twice.
 */
export async function registerMany(
  db: Db,
  actor: Actor,
  input: { items: { documentId: string; version: number }[]; registryId?: string | null },
  locale: Locale,
): Promise<RegisterManyResult[]> {
  assertCan(actor, "incoming.receive");
  // A book that cannot take them refuses the whole request, before anything is numbered.
  const errors: Record<string, string> = {};
  await resolveChosenRegistry(db, actor, input.registryId ?? null, "incoming", errors);
  if (Object.keys(errors).length > 0) throw fieldError(errors);
  const items = [...new Map(input.items.map((i) => [i.documentId, i])).values()];
  const found = await db
    .select({
      id: document.id,
      confidentiality: document.confidentiality,
      createdAt: document.createdAt,
    })
    .from(document)
    .where(
      and(
        visibleTo(actor),
        inArray(
          document.id,
          items.map((i) => i.documentId),
        ),
      ),
    );
  const byId = new Map(found.map((d) => [d.id, d]));
  const arrival = (id: string) => byId.get(id)?.createdAt.getTime() ?? Infinity;
  items.sort((a, b) => arrival(a.documentId) - arrival(b.documentId));

  const results: RegisterManyResult[] = [];
  for (const item of items) {
    try {
      const doc = byId.get(item.documentId);
      if (!doc) throw notFound("document");
      await applyIncomingAction(db, actor, {
        documentId: item.documentId,
        version: item.version,
        input: {
          action: "register",
          registryId: isSecret(doc.confidentiality) ? null : (input.registryId ?? null),
        },
      });
      results.push({ documentId: item.documentId, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        documentId: item.documentId,
        ok: false,
        message: translate(locale, error.messageKey, error.params),
      });
    }
  }
  // The numbers and books given, read once for all those registered.
  const registered = results.filter((r) => r.ok).map((r) => r.documentId);
  if (registered.length === 0) return results;
  const given = await db
    .select({ id: document.id, number: document.registryNumber, book: registry.name })
    .from(document)
    .innerJoin(registry, eq(registry.id, document.registryId))
    .where(inArray(document.id, registered));
  const numberOf = new Map(given.map((g) => [g.id, g]));
  return results.map((r) =>
    r.ok
      ? {
          ...r,
          registryNumber: numberOf.get(r.documentId)!.number!,
          registryName: numberOf.get(r.documentId)!.book,
        }
      : r,
  );
}
