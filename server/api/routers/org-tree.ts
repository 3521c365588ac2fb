import { z } from "zod";
import {
  closeOrganisationInput,
  createOrganisationInput,
  mergeOrganisationsInput,
  moveOrganisationInput,
  updateOrganisationInput,
} from "@/lib/schemas/org-tree";
import {
  closeOrganisation,
  createOrganisation,
  getOrganisation,
  listOrganisationTree,
  moveOrganisation,
  updateOrganisation,
} from "../../org/tree";
import { mergeOrganisations } from "../../org/tree-merge";
import { permissionProcedure, router } from "../trpc";

const manage = permissionProcedure("orgTree.manage");

export const orgTreeRouter = router({
  list: manage.query(({ ctx }) => listOrganisationTree(ctx.db, ctx.actor)),
  get: manage
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getOrganisation(ctx.db, ctx.actor, input)),
  create: manage
    .input(createOrganisationInput)
    .mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.actor, input)),
  update: manage
    .input(updateOrganisationInput)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.actor, input)),
  move: manage
    .input(moveOrganisationInput)
    .mutation(({ ctx, input }) => moveOrganisation(ctx.db, ctx.actor, input)),
  close: manage
    .input(closeOrganisationInput)
    .mutation(({ ctx, input }) => closeOrganisation(ctx.db, ctx.actor, input)),
  merge: manage
    .input(mergeOrganisationsInput)
    .mutation(({ ctx, input }) => mergeOrganisations(ctx.db, ctx.actor, input)),
});
