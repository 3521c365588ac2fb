import {
  createRouteTemplateInput,
  deactivateRouteTemplateInput,
  updateRouteTemplateInput,
} from "@/lib/schemas/route-templates";
import {
  createRouteTemplate,
  deactivateRouteTemplate,
  listRouteTemplates,
  updateRouteTemplate,
} from "../../outgoing/route-templates";
import { permissionProcedure, router } from "../trpc";

export const routeTemplatesRouter = router({
  /** The templates in use, on the page where they are kept. */
  list: permissionProcedure("outgoing.routeTemplates").query(({ ctx }) =>
    listRouteTemplates(ctx.db, ctx.actor, "managing"),
  ),

  /** The same templates, offered to whoever sends a draft on its route. */
  forDrafting: permissionProcedure("outgoing.draft").query(({ ctx }) =>
    listRouteTemplates(ctx.db, ctx.actor, "drafting"),
  ),

  create: permissionProcedure("outgoing.routeTemplates")
    .input(createRouteTemplateInput)
    .mutation(({ ctx, input }) => createRouteTemplate(ctx.db, ctx.actor, input)),

  update: permissionProcedure("outgoing.routeTemplates")
    .input(updateRouteTemplateInput)
    .mutation(({ ctx, input }) => updateRouteTemplate(ctx.db, ctx.actor, input)),

  deactivate: permissionProcedure("outgoing.routeTemplates")
    .input(deactivateRouteTemplateInput)
    .mutation(({ ctx, input }) => deactivateRouteTemplate(ctx.db, ctx.actor, input)),
});
