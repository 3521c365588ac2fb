// The holder's side of a signing certificate: whether one holds it, choosing the PIN at first
// use, opening the key with it (wrong PINs counted, the key locked after too many), and the
// certificates one holds.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { signingCertificate } from "@/db/schema/signing";
import { PIN_RULE } from "@/lib/schemas/signing";
import type { Actor } from "../../authz/actor";
import { env } from "../../env";
import { AppError, fieldError, notFound } from "../../errors";
import { Pkcs12Error, unlockPkcs12, wrapPkcs12, type UnlockedPkcs12 } from "../pki";
import { p12Context } from "./certificates";
import { seal, unseal } from "./keystore";
import { remoteProvider } from "./remote";

type CertificateRow = typeof signingCertificate.$inferSelect;

/**
 * Whether the actor holds the certificate: a leader their own; an organisation's seal, its
 * clerks (who number and seal what leaders signed).
 */
function holds(actor: Actor, row: CertificateRow): boolean {
  if (row.organisationId !== actor.organisationId) return false;
  return row.purpose === "person" ? row.userId === actor.userId : actor.roles.includes("clerk");
}

async function loadHeld(tx: DbOrTx, actor: Actor, id: string): Promise<CertificateRow> {
  const [row] = await tx
    .select()
    .from(signingCertificate)
    .where(eq(signingCertificate.id, id))
    .for("update");
  if (!row || !holds(actor, row)) throw notFound("certificate");
  return row;
}

/** The holder chooses the PIN that will lock their key from now on (first use only). */
export async function setPin(
  db: Db,
  actor: Actor,
  input: { certificateId: string; pin: string },
): Promise<void> {
  if (!PIN_RULE.test(input.pin)) throw fieldError({ pin: "signing.pinFormat" });
  await db.transaction(async (tx) => {
    const row = await loadHeld(tx, actor, input.certificateId);
    if (!row.sealedActivation || !row.sealedPkcs12) {
      throw new AppError("CONFLICT", "signing.pinAlreadySet");
    }
    if (row.status !== "active") throw new AppError("CONFLICT", "signing.certificateNotActive");
    const activation = unseal(row.sealedActivation, `activation:${row.id}`).toString();
    const unlocked = await unlockPkcs12(unseal(row.sealedPkcs12, p12Context(row.id)), activation);
    const relocked = await wrapPkcs12({
      key: unlocked.key,
      certificate: unlocked.certificate,
      chain: unlocked.chain,
      pin: input.pin,
    });
    await tx
      .update(signingCertificate)
      .set({
        sealedPkcs12: seal(relocked, p12Context(row.id)),
        sealedActivation: null,
        version: sql`${signingCertificate.version} + 1`,
      })
      .where(eq(signingCertificate.id, row.id));
  });
}

/**
 * The holder's key, opened with their PIN for one signature. Wrong PINs are counted: after
 * PIN_LOCK_THRESHOLD in a row the key locks for PIN_LOCK_MINUTES, and each refusal says how many
 * attempts are left. An expired or revoked certificate is refused before the PIN is tried.
 */
export async function unlockForSigning(
  db: Db,
  actor: Actor,
  input: { certificateId: string; pin: string; now?: Date },
): Promise<{ row: CertificateRow; unlocked: UnlockedPkcs12 }> {
  const now = input.now ?? new Date();
  // A wrong PIN is counted in a transaction that commits: the refusal is thrown after it.
  const outcome = await db.transaction(async (tx) => {
    const row = await loadHeld(tx, actor, input.certificateId);
    if (row.status !== "active") throw new AppError("CONFLICT", "signing.certificateNotActive");
    if (row.notAfter <= now || row.notBefore > now) {
      throw new AppError("CONFLICT", "signing.certificateExpired");
    }
    if (!row.sealedPkcs12) throw new AppError("CONFLICT", "signing.remoteKey");
    if (row.sealedActivation) throw new AppError("CONFLICT", "signing.pinNotSet");
    if (row.lockedUntil && row.lockedUntil > now) {
      throw new AppError("TOO_MANY_REQUESTS", "signing.keyLocked", {
        minutes: Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000),
      });
    }
    try {
      const sealed = row.sealedPkcs12;
      const unlocked = await unlockPkcs12(unseal(sealed, p12Context(row.id)), input.pin);
      if (row.failedAttempts > 0 || row.lockedUntil) {
        await tx
          .update(signingCertificate)
          .set({ failedAttempts: 0, lockedUntil: null })
          .where(eq(signingCertificate.id, row.id));
      }
      return { ok: true as const, row, unlocked };
    } catch (error) {
      if (!(error instanceof Pkcs12Error) || error.code !== "WRONG_PIN") throw error;
      const failed = row.failedAttempts + 1;
      const locks = failed >= env.PIN_LOCK_THRESHOLD;
      await tx
        .update(signingCertificate)
        .set({
          failedAttempts: locks ? 0 : failed,
          lockedUntil: locks ? new Date(now.getTime() + env.PIN_LOCK_MINUTES * 60_000) : null,
        })
        .where(eq(signingCertificate.id, row.id));
      return { ok: false as const, left: env.PIN_LOCK_THRESHOLD - failed, locks };
    }
  });
  if (!outcome.ok) throw wrongPin(outcome.left, outcome.locks);
  return { row: outcome.row, unlocked: outcome.unlocked };
}

const wrongPin = (left: number, locked: boolean) =>
  locked
    ? new AppError("TOO_MANY_REQUESTS", "signing.keyLocked", { minutes: env.PIN_LOCK_MINUTES })
    : fieldError({ pin: { key: "signing.wrongPin", params: { left } } });

/** The actor's own active certificate (or their organisation's seal), if any. */
export async function myCertificate(db: DbOrTx, actor: Actor, purpose: "person" | "seal") {
  const [row] = await db
    .select()
    .from(signingCertificate)
    .where(
      and(
        eq(signingCertificate.organisationId, actor.organisationId),
        purpose === "person"
          ? eq(signingCertificate.userId, actor.userId)
          : isNull(signingCertificate.userId),
        eq(signingCertificate.status, "active"),
      ),
    )
    .orderBy(desc(signingCertificate.createdAt))
    .limit(1);
  return row && holds(actor, row) ? row : null;
}

/** The caller's own certificates: their signing certificate, and for clerks the seal's. */
export async function myCertificates(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(signingCertificate)
    .where(
      and(
        eq(signingCertificate.organisationId, actor.organisationId),
        eq(signingCertificate.status, "active"),
      ),
    )
    .orderBy(desc(signingCertificate.createdAt));
  return rows
    .filter((row) => holds(actor, row))
    .map((row) => ({
      id: row.id,
      purpose: row.purpose,
      subjectName: row.subjectName,
      serial: row.serial,
      notBefore: row.notBefore,
      notAfter: row.notAfter,
      status: row.status,
      imported: row.imported,
      /** The remote signing service that holds the key, if it is not kept here. */
      remoteProvider: row.remoteProvider,
      /** That service's name as the holder knows it. */
      remoteService: row.remoteProvider
        ? (remoteProvider(row.remoteProvider)?.label ?? row.remoteProvider)
        : null,
      pinSet: row.sealedActivation === null,
      locked: row.lockedUntil !== null && row.lockedUntil > new Date(),
    }));
}
