import type { X509Certificate } from "node:crypto";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { signingCertificate } from "@/db/schema/signing";
import { appUser, userRole } from "@/db/schema/users";
import { appendAudit } from "../../audit/append";
import { assertCan, type Actor } from "../../authz/actor";
import { AppError, fieldError, notFound, stale } from "../../errors";
import {
  buildCrl,
  issuePersonCertificate,
  issueSealCertificate,
  normalizeSerial,
  wrapPkcs12,
  type CertifiedKey,
} from "../pki";
import { crlUrl, ensureAuthority, type Authority } from "./authority";
import { seal } from "./keystore";

/** What a stored PKCS#12 is sealed to: its own row. */
export const p12Context = (id: string) => `pkcs12:${id}`;
const toPem = (cert: X509Certificate) => cert.toString();

/** An active member of the organisation with the leader role: whom a certificate may name. */
export async function activeLeader(tx: DbOrTx, organisationId: string, userId: string) {
  const [user] = await tx
    .select({ id: appUser.id, fullName: appUser.fullName })
    .from(appUser)
    .innerJoin(
      userRole,
      and(
        eq(userRole.userId, appUser.id),
        eq(userRole.organisationId, organisationId),
        eq(userRole.role, "leader"),
      ),
    )
    .where(
      and(
        eq(appUser.id, userId),
        eq(appUser.organisationId, organisationId),
        eq(appUser.active, true),
      ),
    );
  return user ?? null;
}

/**
 * Issues a signing certificate from the deployment's CA: to a leader (their full name, title,
 * organisation and its code, in UTF-8 Vietnamese), or the organisation's seal. The key is
 * locked at once in a PKCS#12 under a one-time activation secret until the holder sets a PIN;
 * an earlier active certificate of the same holder is superseded.
 */
export async function issueCertificate(
  db: Db,
  actor: Actor,
  input: {
    organisationId: string;
    userId?: string | null;
    title?: string | null;
    /**
     * The holder's active certificate as the admin saw it (null: none). When given, a request
     * made on an outdated view (the second click of a double click) is refused as stale.
     */
    replaces?: string | null;
  },
): Promise<{ id: string; serial: string }> {
  assertCan(actor, "signing.manage");
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organisation.id, name: organisation.name, code: organisation.code })
      .from(organisation)
      .where(and(eq(organisation.id, input.organisationId), eq(organisation.status, "active")));
    if (!org) throw fieldError({ organisationId: "signing.organisationUnknown" });
    let holder: { id: string; fullName: string } | null = null;
    if (input.userId) {
      holder = await activeLeader(tx, org.id, input.userId);
      if (!holder) throw fieldError({ userId: "signing.holderUnknown" });
    }
    await lockHolder(tx, org.id, holder?.id ?? null);
    if (input.replaces !== undefined) {
      const active = await activeCertificateId(tx, org.id, holder?.id ?? null);
      if (active !== input.replaces) throw stale();
    }
    // Only once the request holds: a refused one leaves the deployment as it was.
    const authority = await ensureAuthority(tx);
    const issued = holder
      ? await issuePersonCertificate({
          issuer: authority.issuing,
          fullName: holder.fullName,
          title: input.title ?? undefined,
          organizationName: org.name,
          organizationCode: org.code,
          crlDistributionPointUrl: crlUrl(),
        })
      : await issueSealCertificate({
          issuer: authority.issuing,
          organizationName: org.name,
          organizationCode: org.code,
          crlDistributionPointUrl: crlUrl(),
        });
    const stored = await storeIssuedCertificate(tx, actor, {
      organisationId: org.id,
      userId: holder?.id ?? null,
      subjectName: holder?.fullName ?? org.name,
      issued,
      authority,
    });
    await appendAudit(tx, {
      organisationId: org.id,
      actor,
      action: "signing.certificateIssued",
      entityType: "certificate",
      entityId: stored.id,
      data: {
        name: holder?.fullName ?? org.name,
        purpose: holder ? "person" : "seal",
        title: input.title ?? null,
        serial: stored.serial,
      },
    });
    return stored;
  });
}

/**
 * Keeps a certificate our CA has just issued: its key locked under a one-time activation secret
 * until the holder chooses a PIN, the holder's earlier active certificate superseded.
 */
export async function storeIssuedCertificate(
  tx: DbOrTx,
  actor: Actor,
  input: {
    organisationId: string;
    userId: string | null;
    subjectName: string;
    issued: CertifiedKey;
    authority: Authority;
  },
): Promise<{ id: string; serial: string }> {
  const { issued, authority } = input;
  const chain = [authority.issuing.certificate, authority.root.certificate];
  const activation = randomBytes(24).toString("base64url");
  const pkcs12 = await wrapPkcs12({
    key: issued.privateKey,
    certificate: issued.certificate,
    chain,
    pin: activation,
  });
  await supersedeActive(tx, input.organisationId, input.userId);
  const id = crypto.randomUUID();
  const serial = normalizeSerial(issued.certificate.serialNumber);
  await tx.insert(signingCertificate).values({
    id,
    organisationId: input.organisationId,
    userId: input.userId,
    purpose: input.userId ? "person" : "seal",
    subjectName: input.subjectName,
    serial,
    notBefore: new Date(issued.certificate.validFrom),
    notAfter: new Date(issued.certificate.validTo),
    certificate: issued.certificate.raw,
    chainPem: chain.map(toPem).join(""),
    sealedPkcs12: seal(pkcs12, p12Context(id)),
    sealedActivation: seal(Buffer.from(activation), `activation:${id}`),
    createdById: actor.userId,
  });
  return { id, serial };
}

/** Serialises the changes of one holder's (or one seal's) certificates. */
export async function lockHolder(tx: DbOrTx, organisationId: string, userId: string | null) {
  const key = `signing_certificate:${organisationId}:${userId ?? "seal"}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

async function activeCertificateId(tx: DbOrTx, organisationId: string, userId: string | null) {
  const [row] = await tx
    .select({ id: signingCertificate.id })
    .from(signingCertificate)
    .where(
      and(
        eq(signingCertificate.organisationId, organisationId),
        userId ? eq(signingCertificate.userId, userId) : isNull(signingCertificate.userId),
        eq(signingCertificate.status, "active"),
      ),
    )
    .orderBy(desc(signingCertificate.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** The holder's (or the seal's) active certificate steps aside for a new one. */
export async function supersedeActive(
  tx: DbOrTx,
  organisationId: string,
  userId: string | null,
): Promise<void> {
  await tx
    .update(signingCertificate)
    .set({ status: "superseded", version: sql`${signingCertificate.version} + 1` })
    .where(
      and(
        eq(signingCertificate.organisationId, organisationId),
        userId ? eq(signingCertificate.userId, userId) : isNull(signingCertificate.userId),
        eq(signingCertificate.status, "active"),
      ),
    );
}

/** Revokes a certificate: it signs nothing more, and the next CRL lists it. */
export async function revokeCertificate(
  db: Db,
  actor: Actor,
  input: { certificateId: string; version: number; reason: string },
): Promise<void> {
  assertCan(actor, "signing.manage");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(signingCertificate)
      .where(eq(signingCertificate.id, input.certificateId))
      .for("update");
    if (!row) throw notFound("certificate");
    if (row.version !== input.version) throw stale();
    if (row.status === "revoked") throw new AppError("CONFLICT", "signing.alreadyRevoked");
    await tx
      .update(signingCertificate)
      .set({
        status: "revoked",
        revokedAt: new Date(),
        revocationReason: input.reason,
        version: sql`${signingCertificate.version} + 1`,
      })
      .where(eq(signingCertificate.id, row.id));
    await appendAudit(tx, {
      organisationId: row.organisationId,
      actor,
      action: "signing.certificateRevoked",
      entityType: "certificate",
      entityId: row.id,
      data: { name: row.subjectName, serial: row.serial, reason: input.reason },
    });
  });
}

/** The CA's current revocation list (DER), signed by the issuing CA, valid for a day. */
export async function currentCrl(db: DbOrTx): Promise<Buffer> {
  const authority = await ensureAuthority(db);
  const revoked = await db
    .select({
      serial: signingCertificate.serial,
      revokedAt: signingCertificate.revokedAt,
    })
    .from(signingCertificate)
    .where(and(eq(signingCertificate.status, "revoked"), eq(signingCertificate.imported, false)));
  const now = new Date();
  return buildCrl({
    issuer: authority.issuing,
    revoked: revoked.map((r) => ({ serial: r.serial, revokedAt: r.revokedAt ?? now })),
    crlNumber: BigInt(Math.floor(now.getTime() / 1000)),
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 24 * 3600_000),
  });
}
