import { z } from "zod";
import {
  idField,
  optionalText,
  requiredText,
  secretText,
  versionField,
} from "@/lib/schemas/fields";
import {
  importCertificateInput,
  organisationInput,
  trustAnchorDecisionInput,
  uploadedImageInput,
  uploadedSealInput,
} from "@/lib/schemas/signing";
import {
  certificateCandidates,
  listCertificates,
  renewCertificate,
} from "../../signing/service/certificate-admin";
import { issueCertificate, revokeCertificate } from "../../signing/service/certificates";
import { myCertificates, setPin } from "../../signing/service/holder";
import {
  generateSealImage,
  mySignatureImage,
  sealImageOf,
  setSealImage,
  setSignatureImage,
} from "../../signing/service/image-choice";
import { importCertificate } from "../../signing/service/import";
import { decideTrustAnchor, listTrustAnchors } from "../../signing/service/trust-anchors";
import { permissionProcedure, memberProcedure, router } from "../trpc";

const manage = permissionProcedure("signing.manage");
const own = permissionProcedure("signing.own");

export const signingRouter = router({
  /** The caller's own certificate (and, for clerks, the seal's), with whether a PIN is set. */
  myCertificates: memberProcedure.query(({ ctx }) => myCertificates(ctx.db, ctx.actor)),

  /** The holder chooses their PIN on first use. */
  setPin: memberProcedure
    .input(z.object({ certificateId: idField, pin: secretText(64) }))
    .mutation(({ ctx, input }) => setPin(ctx.db, ctx.actor, input)),

  /** A leader brings their own key from an outside CA (PKCS#12, base64) under a new PIN. */
  importCertificate: own
    .input(importCertificateInput)
    .mutation(({ ctx, input }) =>
      importCertificate(ctx.db, ctx.actor, { ...input, file: Buffer.from(input.file, "base64") }),
    ),

  /** The picture the caller's signature shows: theirs, or the stand-in. */
  mySignatureImage: own.query(({ ctx }) => mySignatureImage(ctx.db, ctx.actor)),

  /** The caller's signature picture, uploaded (POST /api/signing/images) or drawn. */
  setSignatureImage: own
    .input(uploadedImageInput.extend({ source: z.enum(["upload", "drawn"]) }))
    .mutation(({ ctx, input }) => setSignatureImage(ctx.db, ctx.actor, input)),

  list: manage
    .input(organisationInput)
    .query(({ ctx, input }) => listCertificates(ctx.db, ctx.actor, input)),

  /** The organisation's leaders, to whom a certificate may be issued. */
  candidates: manage
    .input(organisationInput)
    .query(({ ctx, input }) => certificateCandidates(ctx.db, ctx.actor, input)),

  /** A leader's certificate (userId) or the organisation's seal (no userId). */
  issue: manage
    .input(
      z.object({
        organisationId: idField,
        userId: idField.nullish(),
        title: optionalText(200),
        replaces: idField.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => issueCertificate(ctx.db, ctx.actor, input)),

  renew: manage
    .input(z.object({ certificateId: idField, version: versionField }))
    .mutation(({ ctx, input }) => renewCertificate(ctx.db, ctx.actor, input)),

  revoke: manage
    .input(z.object({ certificateId: idField, version: versionField, reason: requiredText(500) }))
    .mutation(({ ctx, input }) => revokeCertificate(ctx.db, ctx.actor, input)),

  trustAnchors: manage.query(({ ctx }) => listTrustAnchors(ctx.db, ctx.actor)),

  decideTrustAnchor: manage
    .input(trustAnchorDecisionInput)
    .mutation(({ ctx, input }) => decideTrustAnchor(ctx.db, ctx.actor, input)),

  /** The picture an organisation's seal shows: the one chosen, or the seal drawn from its name. */
  sealImage: manage
    .input(organisationInput)
    .query(({ ctx, input }) => sealImageOf(ctx.db, ctx.actor, input)),

  setSealImage: manage
    .input(uploadedSealInput)
    .mutation(({ ctx, input }) => setSealImage(ctx.db, ctx.actor, input)),

  generateSealImage: manage
    .input(organisationInput)
    .mutation(({ ctx, input }) => generateSealImage(ctx.db, ctx.actor, input)),
});
