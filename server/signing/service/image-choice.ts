import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { fileBlob, fileUpload } from "@/db/schema/files";
import { organisation } from "@/db/schema/org";
import { signatureImage } from "@/db/schema/signing";
import { IMAGE_MAX_BYTES, IMAGE_MAX_KB, SEAL_BOX, SIGNATURE_BOX } from "@/lib/schemas/signing";
import { appendAudit } from "../../audit/append";
import { assertCan, type Actor } from "../../authz/actor";
import { fieldError } from "../../errors";
import { storeGeneratedFile } from "../../files/generated";
import { activeImage, bytesOf, standInFor, type Holder } from "./images";
import { normalisePng } from "./png-image";
import { generateSealPng } from "./seal-image";

// Choosing the picture a leader's signature or an organisation's seal shows. The picture is
// uploaded first (POST /api/signing/images, which records who uploaded it), then chosen here by
// its hash: only its uploader may choose it. It is checked and scaled down, kept as a blob of
// its own, and replaces the one before in one transaction: one picture is active at a time.

export type ImageSource = "upload" | "drawn" | "generated";

/** The bytes the actor uploaded under this hash, as a member of their present organisation. */
async function uploadedBytes(db: Db, actor: Actor, sha256: string): Promise<Buffer> {
  const [blob] = await db
    .select({ size: fileBlob.size })
    .from(fileBlob)
    .innerJoin(fileUpload, eq(fileUpload.sha256, fileBlob.sha256))
    .where(
      and(
        eq(fileBlob.sha256, sha256),
        eq(fileUpload.userId, actor.userId),
        eq(fileUpload.organisationId, actor.organisationId),
      ),
    );
  // Another person's upload and no upload at all get the same answer.
  if (!blob) throw fieldError({ file: "signing.imageMissing" });
  if (blob.size > IMAGE_MAX_BYTES) {
    throw fieldError({ file: { key: "signing.imageTooLarge", params: { maxKb: IMAGE_MAX_KB } } });
  }
  return bytesOf(sha256);
}

async function activeOrganisation(db: Db, organisationId: string) {
  const [org] = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.id, organisationId), eq(organisation.status, "active")));
  if (!org) throw fieldError({ organisationId: "signing.organisationUnknown" });
  return org;
}

/**
 * Keeps `png` as the holder's active picture. The same picture again changes nothing, so a
 * repeated request (a double tap) records nothing twice.
 */
async function keepImage(
  db: Db,
  actor: Actor,
  holder: Pick<Holder, "organisationId" | "userId">,
  png: Buffer,
  source: ImageSource,
): Promise<{ sha256: string; changed: boolean }> {
  return db.transaction(async (tx: Tx) => {
    const key = `signature_image:${holder.organisationId}:${holder.userId ?? "seal"}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const current = await activeImage(tx, holder);
    const sha256 = await storeGeneratedFile(tx, png, { mimeType: "image/png" });
    if (current?.sha256 === sha256) return { sha256, changed: false };
    const kind = holder.userId ? "signature" : "seal";
    await tx
      .update(signatureImage)
      .set({ active: false })
      .where(
        and(
          eq(signatureImage.organisationId, holder.organisationId),
          eq(signatureImage.kind, kind),
          holder.userId ? eq(signatureImage.userId, holder.userId) : isNull(signatureImage.userId),
          eq(signatureImage.active, true),
        ),
      );
    await tx
      .insert(signatureImage)
      .values({ organisationId: holder.organisationId, userId: holder.userId, kind, sha256 });
    await appendAudit(tx, {
      organisationId: holder.organisationId,
      actor,
      action: holder.userId ? "signing.signatureImageSet" : "signing.sealImageSet",
      entityType: holder.userId ? "user" : "organisation",
      entityId: holder.userId ?? holder.organisationId,
      data: { source, sha256 },
    });
    return { sha256, changed: true };
  });
}

/** A leader's own signature picture, uploaded as a file or drawn on the screen. */
export async function setSignatureImage(
  db: Db,
  actor: Actor,
  input: { sha256: string; source: "upload" | "drawn" },
) {
  assertCan(actor, "signing.own");
  const png = await normalisePng(await uploadedBytes(db, actor, input.sha256), SIGNATURE_BOX);
  const holder = { organisationId: actor.organisationId, userId: actor.userId };
  return keepImage(db, actor, holder, png, input.source);
}

/** An organisation's seal picture, uploaded by the deployment admin. */
export async function setSealImage(
  db: Db,
  actor: Actor,
  input: { organisationId: string; sha256: string },
) {
  assertCan(actor, "signing.manage");
  const org = await activeOrganisation(db, input.organisationId);
  const png = await normalisePng(await uploadedBytes(db, actor, input.sha256), SEAL_BOX);
  return keepImage(db, actor, { organisationId: org.id, userId: null }, png, "upload");
}

/** An organisation's seal drawn from its present name, kept as its seal picture. */
export async function generateSealImage(db: Db, actor: Actor, input: { organisationId: string }) {
  assertCan(actor, "signing.manage");
  const org = await activeOrganisation(db, input.organisationId);
  const png = await generateSealPng(org.name);
  return keepImage(db, actor, { organisationId: org.id, userId: null }, png, "generated");
}

export type ImagePreview = { png: string; chosen: boolean; chosenAt: Date | null };

async function preview(db: Db, holder: Holder): Promise<ImagePreview> {
  const row = await activeImage(db, holder);
  const bytes = row ? await bytesOf(row.sha256) : await standInFor(holder);
  return { png: bytes.toString("base64"), chosen: row !== null, chosenAt: row?.createdAt ?? null };
}

/** The picture the actor's signature shows now: theirs, or the stand-in. */
export async function mySignatureImage(db: Db, actor: Actor): Promise<ImagePreview> {
  assertCan(actor, "signing.own");
  return preview(db, {
    organisationId: actor.organisationId,
    userId: actor.userId,
    name: actor.fullName,
  });
}

/** The picture an organisation's seal shows now: the one chosen, or the seal drawn from its name. */
export async function sealImageOf(
  db: Db,
  actor: Actor,
  input: { organisationId: string },
): Promise<ImagePreview> {
  assertCan(actor, "signing.manage");
  const org = await activeOrganisation(db, input.organisationId);
  return preview(db, { organisationId: org.id, userId: null, name: org.name });
}
