import { listStaffDirectory } from "../../org/directory";
import { permissionProcedure, router } from "../trpc";

export const directoryRouter = router({
  /** The organisation's active staff by unit. */
  staff: permissionProcedure("directory.read").query(({ ctx }) =>
    listStaffDirectory(ctx.db, ctx.actor),
  ),
});
