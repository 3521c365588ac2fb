import { auditActorsInput, auditListInput, auditVerifyInput } from "@/lib/schemas/audit";
import {
  listAuditActors,
  listAuditEvents,
  verifyAllChains,
  verifyOrganisationChain,
} from "../../audit/service";
import { permissionProcedure, router } from "../trpc";

export const auditRouter = router({
  list: permissionProcedure("audit.read")
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),

  actors: permissionProcedure("audit.read")
    .input(auditActorsInput)
    .query(({ ctx, input }) => listAuditActors(ctx.db, ctx.actor, input)),

  verify: permissionProcedure("audit.read")
    .input(auditVerifyInput)
    .mutation(({ ctx, input }) => verifyOrganisationChain(ctx.db, ctx.actor, input)),

  verifyAll: permissionProcedure("orgTree.manage").mutation(({ ctx }) =>
    verifyAllChains(ctx.db, ctx.actor),
  ),
});
