import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signingCertificate } from "@/db/schema/signing";
import { vietnamToday } from "@/lib/dates";
import { P12_MAX_BYTES, PIN_RULE } from "@/lib/schemas/signing";
import { appendAudit } from "../../audit/append";
import { assertCan, type Actor } from "../../authz/actor";
import { fieldError, type AppError } from "../../errors";
import {
  certificateFacts,
  importPkcs12,
  normalizeSerial,
  Pkcs12Error,
  signsDocuments,
  wrapPkcs12,
  type ImportedPkcs12,
  type Pkcs12ErrorCode,
} from "../pki";
import { ensureAuthority } from "./authority";
import { lockHolder, p12Context, supersedeActive } from "./certificates";
import { seal } from "./keystore";
import { submitTrustAnchor, trustAnchorStatus } from "./trust-anchors";

// A leader brings the key a public CA (or the Government Cipher Committee's) issued them, as a
// PKCS#12 file and its password. Everything is checked before anything is kept: the file opens
// with the password, its key matches its certificate, the certificate is valid today and made
// for signing, and its chain reaches a root. The key is then locked under a new PIN of the
// leader's choice and kept like a key our CA issued; the root goes to the deployment admin for
// approval. Any refusal leaves everything as it was.

const onFile = (key: string, params?: Record<string, string | number>) =>
  fieldError({ file: params ? { key: `signing.${key}`, params } : `signing.${key}` });

const unlockRefusals: Record<Pkcs12ErrorCode, () => AppError> = {
  WRONG_PIN: () => fieldError({ password: "signing.importWrongPassword" }),
  NOT_PKCS12: () => onFile("importNotKeyFile"),
  NO_PRIVATE_KEY: () => onFile("importNoKey"),
  NO_CERTIFICATE: () => onFile("importKeyMismatch"),
  NO_PIN: () => onFile("importNoPassword"),
  UNSUPPORTED: () => onFile("importUnsupported"),
};

async function openFile(file: Buffer, password: string): Promise<ImportedPkcs12> {
  try {
    return await importPkcs12(file, password);
  } catch (error) {
    if (error instanceof Pkcs12Error) throw unlockRefusals[error.code]();
    throw onFile("importNotKeyFile");
  }
}

/** dd/MM/yyyy in Vietnam, as every date is shown. */
const day = (d: Date) => vietnamToday(d).split("-").reverse().join("/");

/** What makes a certificate unfit to sign with here, checked before anything is kept. */
function checkCertificate(opened: ImportedPkcs12, now: Date): void {
  const { certificate } = opened;
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (notAfter <= now) throw onFile("importExpired", { date: day(notAfter) });
  if (notBefore > now) throw onFile("importNotYetValid", { date: day(notBefore) });
  let forSigning: boolean;
  try {
    forSigning = signsDocuments(certificateFacts(certificate));
  } catch {
    // Extensions this reader cannot make sense of: nothing to rely on for a signature.
    forSigning = false;
  }
  if (!forSigning) throw onFile("importNotForSigning");
  // A certificate that is its own issuer was issued by nobody a relying party could trust.
  const selfSigned =
    certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey);
  if (opened.chain.length === 0 && selfSigned) throw onFile("importSelfSigned");
  if (!opened.root) throw onFile("importChainMissing");
}

/**
 * Imports the leader's own signing certificate. Sending the same file again once it is imported
 * answers with the certificate already kept.
 */
export async function importCertificate(
  db: Db,
  actor: Actor,
  input: { file: Buffer; password: string; pin: string; now?: Date },
): Promise<{ id: string; serial: string; trustAnchor: "own" | "pending" | "approved" }> {
  assertCan(actor, "signing.own");
  if (input.file.length > P12_MAX_BYTES) throw onFile("importTooLarge");
  if (!PIN_RULE.test(input.pin)) throw fieldError({ pin: "signing.pinFormat" });
  const opened = await openFile(input.file, input.password);
  checkCertificate(opened, input.now ?? new Date());
  const root = opened.root!;
  const ownRoot = (await ensureAuthority(db)).root.certificate;
  const ours = root.raw.equals(ownRoot.raw);
  if (!ours && (await trustAnchorStatus(db, root)) === "refused") throw onFile("importCaRefused");
  const facts = certificateFacts(opened.certificate);
  const serial = normalizeSerial(opened.certificate.serialNumber);
  const pkcs12 = await wrapPkcs12({
    key: opened.key,
    certificate: opened.certificate,
    chain: opened.chain,
    pin: input.pin,
  });

  return db.transaction(async (tx) => {
    await lockHolder(tx, actor.organisationId, actor.userId);
    const [known] = await tx
      .select({
        id: signingCertificate.id,
        userId: signingCertificate.userId,
        status: signingCertificate.status,
      })
      .from(signingCertificate)
      .where(eq(signingCertificate.serial, serial));
    if (known?.userId === actor.userId && known.status === "active") {
      const status = ours ? "own" : await trustAnchorStatus(tx, root);
      return { id: known.id, serial, trustAnchor: status === "approved" ? status : "pending" };
    }
    if (known) throw onFile("importAlreadyKnown");
    await supersedeActive(tx, actor.organisationId, actor.userId);
    const id = crypto.randomUUID();
    const subjectName = facts.commonName ?? actor.fullName;
    await tx.insert(signingCertificate).values({
      id,
      organisationId: actor.organisationId,
      userId: actor.userId,
      purpose: "person",
      subjectName,
      serial,
      notBefore: new Date(opened.certificate.validFrom),
      notAfter: new Date(opened.certificate.validTo),
      certificate: opened.certificate.raw,
      chainPem: opened.chain.map((c) => c.toString()).join(""),
      sealedPkcs12: seal(pkcs12, p12Context(id)),
      imported: true,
      createdById: actor.userId,
    });
    const anchor = ours ? "own" : await submitTrustAnchor(tx, actor, root);
    if (anchor === "refused") throw onFile("importCaRefused");
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "signing.certificateImported",
      entityType: "certificate",
      entityId: id,
      data: { name: subjectName, serial, issuer: facts.issuerCommonName ?? facts.issuer, anchor },
    });
    return { id, serial, trustAnchor: anchor };
  });
}
