import {
  createRegistryInput,
  listRegistriesInput,
  updateRegistryInput,
} from "@/lib/schemas/registry";
import { createRegistry, listRegistries, updateRegistry } from "../../registry/registries";
import { permissionProcedure, router } from "../trpc";

export const registriesRouter = router({
  list: permissionProcedure("incoming.read")
    .input(listRegistriesInput)
    .query(({ ctx, input }) => listRegistries(ctx.db, ctx.actor, input)),

  create: permissionProcedure("registry.manage")
    .input(createRegistryInput)
    .mutation(({ ctx, input }) => createRegistry(ctx.db, ctx.actor, input)),

  update: permissionProcedure("registry.manage")
    .input(updateRegistryInput)
    .mutation(({ ctx, input }) => updateRegistry(ctx.db, ctx.actor, input)),
});
