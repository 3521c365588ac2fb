import { X509Certificate } from "node:crypto";
import { alias } from "drizzle-orm/pg-core";
import { desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { trustAnchor } from "@/db/schema/signing";
import { appUser } from "@/db/schema/users";
import { appendAudit } from "../../audit/append";
import { assertCan, type Actor } from "../../authz/actor";
import { notFound } from "../../errors";
import { certificateFacts } from "../pki";

// The roots of outside CAs whose certificates people imported. Our verifier trusts one only once
// the deployment admin approved it (verify-file.ts); until then a signature under it is "valid,
// but from a CA not (yet) trusted here". The list is the deployment's, not an organisation's:
// its audit events go to the chain of the admin's own organisation.

export type AnchorStatus = "pending" | "approved" | "refused";

/** An outside root's names; node's own reading when ours finds its DER unusual. */
function namesOf(root: X509Certificate): { subject: string; commonName: string | null } {
  try {
    const facts = certificateFacts(root);
    return { subject: facts.subject, commonName: facts.commonName };
  } catch {
    return { subject: root.subject.split("\n").reverse().join(", "), commonName: null };
  }
}

/**
 * Puts an outside CA's root forward for approval, in the importer's transaction. A root already
 * listed keeps its status (an approved one stays approved, a refused one refused), and that
 * status is answered.
 */
export async function submitTrustAnchor(
  tx: DbOrTx,
  actor: Actor,
  root: X509Certificate,
): Promise<AnchorStatus> {
  const fingerprint = root.fingerprint256;
  await tx
    .insert(trustAnchor)
    .values({
      certificate: root.raw,
      subjectName: namesOf(root).subject,
      fingerprint,
      addedById: actor.userId,
    })
    .onConflictDoNothing({ target: trustAnchor.fingerprint });
  const [row] = await tx
    .select({ status: trustAnchor.status })
    .from(trustAnchor)
    .where(eq(trustAnchor.fingerprint, fingerprint));
  return row!.status;
}

/** The status of an outside root already listed, by fingerprint; null when it is not. */
export async function trustAnchorStatus(
  db: DbOrTx,
  root: X509Certificate,
): Promise<AnchorStatus | null> {
  const [row] = await db
    .select({ status: trustAnchor.status })
    .from(trustAnchor)
    .where(eq(trustAnchor.fingerprint, root.fingerprint256));
  return row?.status ?? null;
}

/** Every outside root ever put forward: those waiting first, then the newest. */
export async function listTrustAnchors(db: Db, actor: Actor) {
  assertCan(actor, "signing.manage");
  const adder = alias(appUser, "adder");
  const decider = alias(appUser, "decider");
  const rows = await db
    .select({
      id: trustAnchor.id,
      certificate: trustAnchor.certificate,
      subjectName: trustAnchor.subjectName,
      fingerprint: trustAnchor.fingerprint,
      status: trustAnchor.status,
      addedBy: adder.fullName,
      decidedBy: decider.fullName,
      decidedAt: trustAnchor.decidedAt,
      createdAt: trustAnchor.createdAt,
    })
    .from(trustAnchor)
    .innerJoin(adder, eq(adder.id, trustAnchor.addedById))
    .leftJoin(decider, eq(decider.id, trustAnchor.decidedById))
    .orderBy(sql`${trustAnchor.status} = 'pending' desc`, desc(trustAnchor.createdAt));
  return rows.map(({ certificate, ...row }) => {
    const cert = new X509Certificate(certificate);
    return {
      ...row,
      commonName: namesOf(cert).commonName,
      notBefore: new Date(cert.validFrom),
      notAfter: new Date(cert.validTo),
    };
  });
}

/**
 * The deployment admin approves an outside root (signatures under it become "valid") or refuses
 * it (they stay "valid, untrusted", and importing under it is refused). Deciding what was
 * already decided the same way changes nothing; the other way round, the decision is changed.
 */
export async function decideTrustAnchor(
  db: Db,
  actor: Actor,
  input: { id: string; decision: "approve" | "refuse" },
): Promise<{ id: string; status: AnchorStatus }> {
  assertCan(actor, "signing.manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(trustAnchor)
      .where(eq(trustAnchor.id, input.id))
      .for("update");
    if (!row) throw notFound("trustAnchor");
    const status = input.decision === "approve" ? "approved" : "refused";
    if (row.status === status) return { id: row.id, status };
    await tx
      .update(trustAnchor)
      .set({ status, decidedById: actor.userId, decidedAt: new Date() })
      .where(eq(trustAnchor.id, row.id));
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: status === "approved" ? "signing.trustAnchorApproved" : "signing.trustAnchorRefused",
      entityType: "trustAnchor",
      entityId: row.id,
      data: { name: row.subjectName, fingerprint: row.fingerprint, from: row.status },
    });
    return { id: row.id, status };
  });
}
