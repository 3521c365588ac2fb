import {
  createUserInput,
  getUserInput,
  listUsersInput,
  resetPasswordInput,
  setUserActiveInput,
  updateUserInput,
} from "@/lib/schemas/users";
import { getUser, listUsers } from "../../org/user-directory";
import { createUser, resetPassword, setUserActive, updateUser } from "../../org/users";
import { permissionProcedure, router } from "../trpc";

export const usersRouter = router({
  list: permissionProcedure("user.manage")
    .input(listUsersInput)
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),

  get: permissionProcedure("user.manage")
    .input(getUserInput)
    .query(({ ctx, input }) => getUser(ctx.db, ctx.actor, input)),

  create: permissionProcedure("user.manage")
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input)),

  update: permissionProcedure("user.manage")
    .input(updateUserInput)
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.actor, input)),

  setActive: permissionProcedure("user.manage")
    .input(setUserActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input)),

  resetPassword: permissionProcedure("user.manage")
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.actor, input)),
});
