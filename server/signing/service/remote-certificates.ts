// A leader's certificate whose key a remote signing service holds: what a service's integration
// records when the leader links their account there to this one. No key comes here; each signature is
// asked of the service and approved by the holder on their phone (server/outgoing/remote-signing.ts).
import type { X509Certificate } from "node:crypto";
import type { Db } from "@/db/client";
import { signingCertificate } from "@/db/schema/signing";
import { appendAudit } from "../../audit/append";
import { assertCan, type Actor } from "../../authz/actor";
import { AppError } from "../../errors";
import { certificateFacts, normalizeSerial, signsDocuments } from "../pki";
import { activeLeader, lockHolder, supersedeActive } from "./certificates";
import { remoteProvider } from "./remote";

export async function linkRemoteCertificate(
  db: Db,
  actor: Actor,
  input: {
    provider: string;
    keyId: string;
    certificate: X509Certificate;
    /** The certificates above it, nearest first, up to the root. */
    chain: X509Certificate[];
  },
): Promise<{ id: string; serial: string }> {
  assertCan(actor, "signing.own");
  const provider = remoteProvider(input.provider);
  if (!provider) throw new AppError("CONFLICT", "signing.remoteUnavailable");
  const { certificate, chain } = input;
  const now = new Date();
  if (new Date(certificate.validTo) <= now || new Date(certificate.validFrom) > now) {
    throw new AppError("CONFLICT", "signing.certificateExpired");
  }
  const facts = certificateFacts(certificate);
  if (!signsDocuments(facts) || chain.length === 0) {
    throw new AppError("CONFLICT", "signing.importNotForSigning");
  }
  if (!certificate.checkIssued(chain[0]!) || !certificate.verify(chain[0]!.publicKey)) {
    throw new AppError("CONFLICT", "signing.importChainMissing");
  }
  return db.transaction(async (tx) => {
    const holder = await activeLeader(tx, actor.organisationId, actor.userId);
    if (!holder) throw new AppError("CONFLICT", "signing.holderUnknown");
    await lockHolder(tx, actor.organisationId, holder.id);
    await supersedeActive(tx, actor.organisationId, holder.id);
    const id = crypto.randomUUID();
    const serial = normalizeSerial(certificate.serialNumber);
    await tx.insert(signingCertificate).values({
      id,
      organisationId: actor.organisationId,
      userId: holder.id,
      purpose: "person",
      subjectName: facts.commonName ?? holder.fullName,
      serial,
      notBefore: new Date(certificate.validFrom),
      notAfter: new Date(certificate.validTo),
      certificate: certificate.raw,
      chainPem: chain.map((c) => c.toString()).join(""),
      remoteProvider: provider.id,
      remoteKeyId: input.keyId,
      imported: true,
      createdById: actor.userId,
    });
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "signing.certificateImported",
      entityType: "certificate",
      entityId: id,
      data: { name: holder.fullName, serial, issuer: provider.label, anchor: "remote" },
    });
    return { id, serial };
  });
}
