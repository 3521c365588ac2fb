import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { unit } from "@/db/schema/org";
import { seedDemo } from "@/db/seed/demo";
import type { IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { vietnamToday } from "@/lib/dates";
import { loadActor, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { applyIncomingAction } from "../incoming/workflow";
import { insertRegisteredDocument } from "./documents";
import { freshDatabase } from "./test-db";

/** A day `n` days from today in Vietnam, as `yyyy-MM-dd`. */
export const plusDays = (n: number) => {
  const d = new Date(`${vietnamToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The AppError a call was refused with; fails the test when the call succeeds. */
export async function refusedWith(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/**
 * A fresh database with the demo organisations, and the moves of the incoming workflow as the
 * demo people make them: Phường Định Công's units by short name, actors by username.
 */
export async function createWorkflowWorld() {
  const { db, url, pool } = await freshDatabase();
  const { orgs, users } = await seedDemo(db);
  const units: Record<string, string> = {};
  for (const u of await db.select().from(unit).where(eq(unit.organisationId, orgs.dinhcong!))) {
    units[u.shortName] = u.id;
  }
  const actors: Record<string, Actor> = {};

  async function as(username: string): Promise<Actor> {
    actors[username] ??= (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;
    return actors[username]!;
  }

  /** The action as `username`, on the document's current version. */
  async function act(username: string, documentId: string, input: IncomingActionRequest) {
    const [doc] = await db
      .select({ version: document.version })
      .from(document)
      .where(eq(document.id, documentId));
    return applyIncomingAction(db, await as(username), {
      documentId,
      version: doc!.version,
      input,
    });
  }

  /** Where the document sits in the person's inbox, one row per role they have on it. */
  async function boxOf(documentId: string, username: string) {
    return db
      .select({
        kind: documentParticipant.kind,
        box: documentParticipant.box,
        returned: documentParticipant.returned,
        deadline: documentParticipant.deadline,
      })
      .from(documentParticipant)
      .where(
        and(
          eq(documentParticipant.documentId, documentId),
          eq(documentParticipant.userId, users[username]!),
        ),
      );
  }

  /** A document registered in Phường Định Công by its clerk. */
  async function newDocument(overrides: Partial<typeof document.$inferInsert> = {}) {
    return insertRegisteredDocument(db, {
      organisationId: orgs.dinhcong!,
      createdById: users["vanthu.dc"]!,
      ...overrides,
    });
  }

  return { db: db as Db, url, pool, orgs, users, units, as, act, boxOf, newDocument };
}

export type WorkflowWorld = Awaited<ReturnType<typeof createWorkflowWorld>>;
