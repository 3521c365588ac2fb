import {
  createUnitInput,
  listUnitsInput,
  setUnitActiveInput,
  updateUnitInput,
} from "@/lib/schemas/units";
import { createUnit, listUnits, setUnitActive, updateUnit } from "../../org/units";
import { permissionProcedure, router } from "../trpc";

export const unitsRouter = router({
  list: permissionProcedure("directory.read")
    .input(listUnitsInput)
    .query(({ ctx, input }) => listUnits(ctx.db, ctx.actor, input)),

  create: permissionProcedure("unit.manage")
    .input(createUnitInput)
    .mutation(({ ctx, input }) => createUnit(ctx.db, ctx.actor, input)),

  update: permissionProcedure("unit.manage")
    .input(updateUnitInput)
    .mutation(({ ctx, input }) => updateUnit(ctx.db, ctx.actor, input)),

  setActive: permissionProcedure("unit.manage")
    .input(setUnitActiveInput)
    .mutation(({ ctx, input }) => setUnitActive(ctx.db, ctx.actor, input)),
});
