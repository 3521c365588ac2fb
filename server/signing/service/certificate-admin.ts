import { X509Certificate } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { signingCertificate } from "@/db/schema/signing";
import { appUser, userRole } from "@/db/schema/users";
import { appendAudit } from "../../audit/append";
import { assertCan, type Actor } from "../../authz/actor";
import { AppError, fieldError, notFound, stale } from "../../errors";
import { certificateFacts, renewCertificate as renewWithNewKey } from "../pki";
import { crlUrl, ensureAuthority } from "./authority";
import { activeLeader, lockHolder, storeIssuedCertificate } from "./certificates";

// The deployment admin's side of certificates, organisation by organisation: who holds what,
// for whom one may be issued, and renewal. Issuing and revoking live with the holder's side in
// certificates.ts, which shares their storage.

async function activeOrganisation(db: Db, organisationId: string) {
  const [org] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, organisationId), eq(organisation.status, "active")));
  if (!org) throw fieldError({ organisationId: "signing.organisationUnknown" });
  return org;
}

/**
 * An organisation's certificates, newest first: the holder (null for the seal), what the
 * certificate names (title, issuer), validity, state, and whether the holder has chosen a PIN or
 * is locked out by wrong ones.
 */
export async function listCertificates(db: Db, actor: Actor, input: { organisationId: string }) {
  assertCan(actor, "signing.manage");
  const rows = await db
    .select({
      id: signingCertificate.id,
      purpose: signingCertificate.purpose,
      userId: signingCertificate.userId,
      holderName: appUser.fullName,
      subjectName: signingCertificate.subjectName,
      serial: signingCertificate.serial,
      notBefore: signingCertificate.notBefore,
      notAfter: signingCertificate.notAfter,
      status: signingCertificate.status,
      imported: signingCertificate.imported,
      pinSet: sql<boolean>`${signingCertificate.sealedActivation} is null`,
      lockedUntil: signingCertificate.lockedUntil,
      revokedAt: signingCertificate.revokedAt,
      revocationReason: signingCertificate.revocationReason,
      certificate: signingCertificate.certificate,
      createdAt: signingCertificate.createdAt,
      version: signingCertificate.version,
    })
    .from(signingCertificate)
    .leftJoin(appUser, eq(appUser.id, signingCertificate.userId))
    .where(eq(signingCertificate.organisationId, input.organisationId))
    .orderBy(sql`${signingCertificate.status} = 'active' desc`, desc(signingCertificate.createdAt));
  const now = new Date();
  return rows.map(({ certificate, lockedUntil, ...row }) => {
    const facts = certificateFacts(new X509Certificate(certificate));
    return {
      ...row,
      title: facts.title,
      issuer: facts.issuerCommonName ?? facts.issuer,
      locked: lockedUntil !== null && lockedUntil > now,
      expired: row.notAfter <= now,
    };
  });
}

/** The leaders of an organisation, to whom a certificate may be issued, by name. */
export async function certificateCandidates(
  db: Db,
  actor: Actor,
  input: { organisationId: string },
) {
  assertCan(actor, "signing.manage");
  await activeOrganisation(db, input.organisationId);
  return db
    .select({ id: appUser.id, fullName: appUser.fullName, jobTitle: appUser.jobTitle })
    .from(appUser)
    .innerJoin(
      userRole,
      and(
        eq(userRole.userId, appUser.id),
        eq(userRole.organisationId, input.organisationId),
        eq(userRole.role, "leader"),
      ),
    )
    .where(and(eq(appUser.organisationId, input.organisationId), eq(appUser.active, true)))
    .orderBy(asc(appUser.fullName));
}

/**
 * Renews a certificate our CA issued: a new key and certificate for exactly the same subject
 * (the holder's name and title, the organisation), superseding the old one. The holder chooses
 * a PIN for the new key at first use. The version the admin saw must still be current, so a
 * second click renews nothing twice.
 */
export async function renewCertificate(
  db: Db,
  actor: Actor,
  input: { certificateId: string; version: number },
): Promise<{ id: string; serial: string }> {
  assertCan(actor, "signing.manage");
  return db.transaction(async (tx) => {
    // The holder's lock first, as issuing and importing take it, then the row.
    const [holder] = await tx
      .select({
        organisationId: signingCertificate.organisationId,
        userId: signingCertificate.userId,
      })
      .from(signingCertificate)
      .where(eq(signingCertificate.id, input.certificateId));
    if (!holder) throw notFound("certificate");
    await lockHolder(tx, holder.organisationId, holder.userId);
    const [row] = await tx
      .select()
      .from(signingCertificate)
      .where(eq(signingCertificate.id, input.certificateId))
      .for("update");
    if (!row) throw notFound("certificate");
    if (row.version !== input.version) throw stale();
    if (row.status !== "active") throw new AppError("CONFLICT", "signing.certificateNotActive");
    if (row.imported) throw new AppError("CONFLICT", "signing.renewImported");
    const [org] = await tx
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(eq(organisation.id, row.organisationId), eq(organisation.status, "active")));
    if (!org) throw new AppError("CONFLICT", "signing.organisationUnknown");
    if (row.userId && !(await activeLeader(tx, row.organisationId, row.userId))) {
      throw new AppError("CONFLICT", "signing.holderUnknown");
    }
    const authority = await ensureAuthority(tx);
    const issued = await renewWithNewKey({
      issuer: authority.issuing,
      previous: new X509Certificate(row.certificate),
      crlDistributionPointUrl: crlUrl(),
    });
    const stored = await storeIssuedCertificate(tx, actor, {
      organisationId: row.organisationId,
      userId: row.userId,
      subjectName: row.subjectName,
      issued,
      authority,
    });
    await appendAudit(tx, {
      organisationId: row.organisationId,
      actor,
      action: "signing.certificateRenewed",
      entityType: "certificate",
      entityId: stored.id,
      data: { name: row.subjectName, serial: stored.serial, previousSerial: row.serial },
    });
    return stored;
  });
}
