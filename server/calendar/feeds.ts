import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeed } from "@/db/schema/calendar";
import { unit } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import type { FeedRef } from "@/lib/schemas/calendar";
import { appendAudit } from "../audit/append";
import { assertCan, loadActor, type Actor } from "../authz/actor";
import { env } from "../env";
import { AppError, stale } from "../errors";

/** 32 random bytes, URL-safe: the whole secret of a subscription address. */
const newSecret = () => randomBytes(32).toString("base64url");
const hashOf = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

/** The address a calendar application subscribes to. */
export const feedUrl = (secret: string) =>
  new URL(`/api/calendar/${secret}.ics`, env.PUBLIC_URL).toString();

const ownFeed = (actor: Actor, ref: FeedRef) =>
  and(
    eq(calendarFeed.userId, actor.userId),
    eq(calendarFeed.scope, ref.scope),
    ref.unitId ? eq(calendarFeed.unitId, ref.unitId) : isNull(calendarFeed.unitId),
  );

/** A unit's schedule is subscribed to inside its own organisation only. */
async function checkUnit(db: Db, actor: Actor, ref: FeedRef) {
  if (!ref.unitId) return;
  const [found] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(and(eq(unit.id, ref.unitId), eq(unit.organisationId, actor.organisationId)));
  if (!found) throw new AppError("NOT_FOUND", "errors.notFound");
}

/** Whether the person has an address for this calendar, and when it was last used. */
export async function describeFeed(db: Db, actor: Actor, ref: FeedRef) {
  assertCan(actor, "calendar.read");
  await checkUnit(db, actor, ref);
  const [row] = await db
    .select({
      version: calendarFeed.version,
      renewedAt: calendarFeed.renewedAt,
      lastFetchedAt: calendarFeed.lastFetchedAt,
    })
    .from(calendarFeed)
    .where(ownFeed(actor, ref));
  return row ?? null;
}

/**
 * Makes a new secret address for the calendar, replacing the person's previous one (which then
 * answers 404). The address is shown once: only its hash is kept. `version` is the one read
 * (null when there was none), so two renewals from two tabs do not both think they won.
 */
export async function renewFeed(db: Db, actor: Actor, ref: FeedRef & { version: number | null }) {
  assertCan(actor, "calendar.read");
  await checkUnit(db, actor, ref);
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: calendarFeed.id, version: calendarFeed.version })
      .from(calendarFeed)
      .where(ownFeed(actor, ref))
      .for("update");
    if ((existing?.version ?? null) !== ref.version) throw stale();
    let row: { id: string; version: number } | undefined;
    if (existing) {
      [row] = await tx
        .update(calendarFeed)
        .set({
          tokenHash: hashOf(secret),
          version: sql`${calendarFeed.version} + 1`,
          renewedAt: new Date(),
          lastFetchedAt: null,
        })
        .where(eq(calendarFeed.id, existing.id))
        .returning({ id: calendarFeed.id, version: calendarFeed.version });
    } else {
      // A concurrent first creation loses on the owner's unique constraint: nothing is written.
      [row] = await tx
        .insert(calendarFeed)
        .values({
          organisationId: actor.organisationId,
          userId: actor.userId,
          scope: ref.scope,
          unitId: ref.unitId ?? null,
          tokenHash: hashOf(secret),
        })
        .onConflictDoNothing()
        .returning({ id: calendarFeed.id, version: calendarFeed.version });
    }
    if (!row) throw stale();
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor: { userId: actor.userId, fullName: actor.fullName },
      action: existing ? "calendar.feedRenewed" : "calendar.feedCreated",
      entityType: "user",
      entityId: actor.userId,
      data: { scope: ref.scope, ...(ref.unitId ? { unitId: ref.unitId } : {}) },
    });
    return { url: feedUrl(secret), version: row.version };
  });
}

/** Stops the address: calendar applications subscribed to it get 404 from now on. */
export async function revokeFeed(db: Db, actor: Actor, ref: FeedRef & { version: number }) {
  assertCan(actor, "calendar.read");
  await checkUnit(db, actor, ref);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(calendarFeed)
      .where(and(ownFeed(actor, ref), eq(calendarFeed.version, ref.version)))
      .returning({ id: calendarFeed.id });
    if (!gone) throw stale();
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor: { userId: actor.userId, fullName: actor.fullName },
      action: "calendar.feedRevoked",
      entityType: "user",
      entityId: actor.userId,
      data: { scope: ref.scope, ...(ref.unitId ? { unitId: ref.unitId } : {}) },
    });
  });
}

/** How stale the mark of a feed's last read may get before a read writes it again. */
const FETCH_MARK_MS = 5 * 60_000;

export type OpenedFeed = { actor: Actor; scope: "mine" | "schedule"; unitId: string | null };

/**
 * The feed a secret opens, as its owner sees it today, or null (404). Unsafe: the secret is the
 * only credential a calendar application has, so no session is asked for; the owner's actor is
 * loaded afresh, so a deactivated person or a closed organisation ends every feed at once.
 */
export async function unsafeOpenFeed(db: Db, secret: string): Promise<OpenedFeed | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const [row] = await db
    .select({
      id: calendarFeed.id,
      userId: calendarFeed.userId,
      scope: calendarFeed.scope,
      unitId: calendarFeed.unitId,
      organisationId: calendarFeed.organisationId,
      lastFetchedAt: calendarFeed.lastFetchedAt,
    })
    .from(calendarFeed)
    .where(eq(calendarFeed.tokenHash, hashOf(secret)));
  if (!row) return null;
  const actor = await loadOwner(db, row.userId);
  if (!actor || actor.organisationId !== row.organisationId) return null;
  // "Last read by your calendar application" needs minutes, not every poll: a calendar that
  // polls each few minutes writes the row at most once in FETCH_MARK_MS.
  const now = new Date();
  if (!row.lastFetchedAt || now.getTime() - row.lastFetchedAt.getTime() >= FETCH_MARK_MS) {
    await db.update(calendarFeed).set({ lastFetchedAt: now }).where(eq(calendarFeed.id, row.id));
  }
  return { actor, scope: row.scope, unitId: row.unitId };
}

/** The owner as they are now, whatever session epoch they are at: the feed has no session. */
async function loadOwner(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ sessionEpoch: appUser.sessionEpoch })
    .from(appUser)
    .where(eq(appUser.id, userId));
  return user ? loadActor(db, { userId, sessionEpoch: user.sessionEpoch }) : null;
}
