// The deployment admin's side of the exchange: this deployment's identity to give to its peers
// (where it takes packages, the root its packages' signatures end at), the peers and the
// organisations each hosts, and the outbox: what waits, what failed and why, sent again on demand.
import { X509Certificate } from "node:crypto";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, count, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { exchangeOutbox } from "@/db/schema/exchange";
import { exchangePeer, organisation } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import type { outboxQuery, outboxRetry, peerInput } from "@/lib/schemas/exchange";
import type { z } from "zod";
import { appendAudit } from "../audit/append";
import { assertCan, type Actor } from "../authz/actor";
import { env } from "../env";
import { AppError, fieldError, notFound, stale } from "../errors";
import { ensureAuthority } from "../signing/service/authority";
import { inboxUrlOf, wakeDrain } from "./outbox";

/** What a peer's admin needs to set this deployment up on their side. */
export async function exchangeIdentity(db: Db, actor: Actor) {
  assertCan(actor, "exchange.manage");
  const root = (await ensureAuthority(db)).root.certificate;
  return {
    inboxUrl: inboxUrlOf(env.PUBLIC_URL),
    baseUrl: env.PUBLIC_URL,
    rootPem: root.toString(),
    fingerprint: root.fingerprint256,
    subject: root.subject.split("\n").reverse().join(", "),
  };
}

export async function listPeers(db: Db, actor: Actor) {
  assertCan(actor, "exchange.manage");
  const peers = await db.select().from(exchangePeer).orderBy(asc(exchangePeer.name));
  const hosted = await db
    .select({
      peerId: organisation.peerId,
      id: organisation.id,
      code: organisation.code,
      name: organisation.name,
    })
    .from(organisation)
    .where(sql`${organisation.peerId} is not null`)
    .orderBy(asc(organisation.name));
  const waiting = await db
    .select({ peerId: exchangeOutbox.peerId, state: exchangeOutbox.state, n: count() })
    .from(exchangeOutbox)
    .where(ne(exchangeOutbox.state, "sent"))
    .groupBy(exchangeOutbox.peerId, exchangeOutbox.state);
  return peers.map((p) => {
    const root = new X509Certificate(p.rootCertificate);
    return {
      id: p.id,
      name: p.name,
      url: p.url,
      active: p.active,
      version: p.version,
      fingerprint: p.fingerprint,
      subject: root.subject.split("\n").reverse().join(", "),
      validTo: new Date(root.validTo),
      certificatePem: root.toString(),
      organisations: hosted
        .filter((o) => o.peerId === p.id)
        .map(({ id, code, name }) => ({ id, code, name })),
      pending: waiting.find((w) => w.peerId === p.id && w.state === "pending")?.n ?? 0,
      failed: waiting.find((w) => w.peerId === p.id && w.state === "failed")?.n ?? 0,
    };
  });
}

/** A PEM certificate (or base64 DER), refused with a clear message if it is none. */
function certificateOf(text: string): X509Certificate {
  const body = text.includes("-----BEGIN") ? text : Buffer.from(text.replace(/\s+/g, ""), "base64");
  try {
    return new X509Certificate(body);
  } catch {
    throw fieldError({ certificate: "exchange.badCertificate" });
  }
}

/**
 * Adds or changes a peer. An organisation becomes the peer's only if nobody works in it here and
 * no other peer hosts it; one the peer no longer hosts comes back to this deployment.
 */
export async function savePeer(db: Db, actor: Actor, input: z.output<typeof peerInput>) {
  assertCan(actor, "exchange.manage");
  const root = certificateOf(input.certificate);
  const own = (await ensureAuthority(db)).root.certificate;
  if (root.fingerprint256 === own.fingerprint256) {
    throw fieldError({ certificate: "exchange.ownRoot" });
  }
  return db.transaction(async (tx) => {
    let peerId: string;
    if (input.id) {
      const [updated] = await tx
        .update(exchangePeer)
        .set({
          name: input.name,
          url: input.url,
          rootCertificate: root.raw,
          fingerprint: root.fingerprint256,
          active: input.active,
          version: sql`${exchangePeer.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(exchangePeer.id, input.id), eq(exchangePeer.version, input.version ?? 0)))
        .returning({ id: exchangePeer.id });
      if (!updated) {
        const [exists] = await tx
          .select({ id: exchangePeer.id })
          .from(exchangePeer)
          .where(eq(exchangePeer.id, input.id));
        if (!exists) throw notFound("exchangePeer");
        throw stale();
      }
      peerId = updated.id;
    } else {
      const [created] = await tx
        .insert(exchangePeer)
        .values({
          name: input.name,
          url: input.url,
          rootCertificate: root.raw,
          fingerprint: root.fingerprint256,
          active: input.active,
        })
        .onConflictDoNothing()
        .returning({ id: exchangePeer.id });
      if (!created) {
        throw fieldError({ certificate: "exchange.duplicatePeer" });
      }
      peerId = created.id;
    }
    const wanted = [...new Set(input.organisationIds)];
    if (wanted.length > 0) {
      const orgs = await tx
        .select({
          id: organisation.id,
          name: organisation.name,
          peerId: organisation.peerId,
        })
        .from(organisation)
        .where(inArray(organisation.id, wanted))
        .for("update", { of: organisation });
      if (orgs.length !== wanted.length) throw notFound("organisation");
      const taken = orgs.find((o) => o.peerId && o.peerId !== peerId);
      if (taken) {
        throw fieldError({
          organisationIds: { key: "exchange.hostedElsewhere", params: { name: taken.name } },
        });
      }
      const [person] = await tx
        .select({ organisationId: appUser.organisationId })
        .from(appUser)
        .where(and(inArray(appUser.organisationId, wanted), eq(appUser.active, true)))
        .limit(1);
      const staffed = person && orgs.find((o) => o.id === person.organisationId);
      if (staffed) {
        throw fieldError({
          organisationIds: { key: "exchange.hasPeople", params: { name: staffed.name } },
        });
      }
    }
    await tx
      .update(organisation)
      .set({ peerId: null })
      .where(
        and(
          eq(organisation.peerId, peerId),
          wanted.length > 0 ? notInArray(organisation.id, wanted) : undefined,
        ),
      );
    if (wanted.length > 0) {
      await tx.update(organisation).set({ peerId }).where(inArray(organisation.id, wanted));
    }
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: input.id ? "exchange.peerChanged" : "exchange.peerAdded",
      entityType: "exchangePeer",
      entityId: peerId,
      data: {
        name: input.name,
        url: input.url,
        fingerprint: root.fingerprint256,
        hosts: wanted.length,
      },
    });
    // Messages that waited for the peer to be set up again go now.
    await wakeDrain(tx);
    return { id: peerId };
  });
}

/** The outbox, newest first: what waits, what failed and why, what was sent. */
export async function listOutbox(db: Db, actor: Actor, input: z.output<typeof outboxQuery>) {
  assertCan(actor, "exchange.manage");
  const retrier = alias(appUser, "retrier");
  const rows = await db
    .select({
      id: exchangeOutbox.id,
      kind: exchangeOutbox.kind,
      state: exchangeOutbox.state,
      peer: exchangePeer.name,
      statusCode: exchangeOutbox.statusCode,
      recipientCodes: exchangeOutbox.recipientCodes,
      // A secret document's subject stays with those who take part in it.
      subject: sql<
        string | null
      >`case when ${document.confidentiality} = 'normal' then ${document.subject} end`,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      attempts: exchangeOutbox.attempts,
      lastError: exchangeOutbox.lastError,
      nextAttemptAt: exchangeOutbox.nextAttemptAt,
      sentAt: exchangeOutbox.sentAt,
      createdAt: exchangeOutbox.createdAt,
      retriedBy: retrier.fullName,
      retriedAt: exchangeOutbox.retriedAt,
    })
    .from(exchangeOutbox)
    .innerJoin(exchangePeer, eq(exchangePeer.id, exchangeOutbox.peerId))
    .innerJoin(document, eq(document.id, exchangeOutbox.documentId))
    .leftJoin(retrier, eq(retrier.id, exchangeOutbox.retriedById))
    .where(input.state ? eq(exchangeOutbox.state, input.state) : undefined)
    .orderBy(desc(exchangeOutbox.createdAt), desc(exchangeOutbox.id))
    .limit(input.limit);
  const counts = await db
    .select({ state: exchangeOutbox.state, n: count() })
    .from(exchangeOutbox)
    .groupBy(exchangeOutbox.state);
  const total = (state: string) => counts.find((c) => c.state === state)?.n ?? 0;
  return {
    rows,
    counts: { pending: total("pending"), failed: total("failed"), sent: total("sent") },
  };
}

/** A failed message (or one waiting for its next attempt) sent again now. */
export async function retryMessage(db: Db, actor: Actor, { id }: z.output<typeof outboxRetry>) {
  assertCan(actor, "exchange.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exchangeOutbox)
      .set({
        state: "pending",
        nextAttemptAt: new Date(),
        retriedById: actor.userId,
        retriedAt: new Date(),
      })
      .where(and(eq(exchangeOutbox.id, id), ne(exchangeOutbox.state, "sent")))
      .returning({
        id: exchangeOutbox.id,
        peerId: exchangeOutbox.peerId,
        kind: exchangeOutbox.kind,
      });
    if (!row) {
      const [exists] = await tx
        .select({ id: exchangeOutbox.id })
        .from(exchangeOutbox)
        .where(eq(exchangeOutbox.id, id));
      if (!exists) throw notFound("exchangeMessage");
      throw new AppError("CONFLICT", "exchange.alreadySent");
    }
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "exchange.retried",
      entityType: "exchangePeer",
      entityId: row.peerId,
      data: { message: id, kind: row.kind },
    });
    await wakeDrain(tx);
    return { id };
  });
}
