import { z } from "zod";
import {
  idField,
  optionalText,
  requiredText,
  secretText,
  versionField,
} from "@/lib/schemas/fields";
import {
  issueCertificate,
  listCertificates,
  myCertificates,
  revokeCertificate,
  setPin,
} from "../../signing/service/certificates";
import { permissionProcedure, memberProcedure, router } from "../trpc";

export const signingRouter = router({
  /** The caller's own certificate (and, for clerks, the seal's), with whether a PIN is set. */
  myCertificates: memberProcedure.query(({ ctx }) => myCertificates(ctx.db, ctx.actor)),

  /** The holder chooses their PIN on first use. */
  setPin: memberProcedure
    .input(z.object({ certificateId: idField, pin: secretText(64) }))
    .mutation(({ ctx, input }) => setPin(ctx.db, ctx.actor, input)),

  list: permissionProcedure("signing.manage")
    .input(z.object({ organisationId: idField }))
    .query(({ ctx, input }) => listCertificates(ctx.db, ctx.actor, input)),

  /** A leader's certificate (userId) or the organisation's seal (no userId). */
  issue: permissionProcedure("signing.manage")
    .input(
      z.object({
        organisationId: idField,
        userId: idField.nullish(),
        title: optionalText(200),
      }),
    )
    .mutation(({ ctx, input }) => issueCertificate(ctx.db, ctx.actor, input)),

  revoke: permissionProcedure("signing.manage")
    .input(z.object({ certificateId: idField, version: versionField, reason: requiredText(500) }))
    .mutation(({ ctx, input }) => revokeCertificate(ctx.db, ctx.actor, input)),
});
