import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type UserRow = inferRouterOutputs<AppRouter>["users"]["list"]["items"][number];
/** What a dialog acting on one user is given. */
export type UserDialogProps = {
  organisationId: string | null;
  user: UserRow;
  onClose: () => void;
};
export type UnitOption = inferRouterOutputs<AppRouter>["units"]["list"][number];
