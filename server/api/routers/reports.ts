import { handlingReportInput, registryBookInput } from "@/lib/schemas/reports";
import { rollupInput } from "@/lib/schemas/rollup";
import { handlingReport } from "../../reports/handling-report";
import { outgoingRegistryBook } from "../../reports/outgoing-book";
import { followUpBook, incomingRegistryBook } from "../../reports/registry-book";
import { rollupReport } from "../../reports/rollup";
import { permissionProcedure, router } from "../trpc";

export const reportsRouter = router({
  registryBook: permissionProcedure("registry.read")
    .input(registryBookInput)
    .query(({ ctx, input }) => incomingRegistryBook(ctx.db, ctx.actor, input)),

  followUpBook: permissionProcedure("registry.read")
    .input(registryBookInput)
    .query(({ ctx, input }) => followUpBook(ctx.db, ctx.actor, input)),

  outgoingBook: permissionProcedure("registry.read")
    .input(registryBookInput)
    .query(({ ctx, input }) => outgoingRegistryBook(ctx.db, ctx.actor, input)),

  handling: permissionProcedure("incoming.report")
    .input(handlingReportInput)
    .query(({ ctx, input }) => handlingReport(ctx.db, ctx.actor, input)),

  rollup: permissionProcedure("incoming.report")
    .input(rollupInput)
    .query(({ ctx, input }) => rollupReport(ctx.db, ctx.actor, input)),
});
