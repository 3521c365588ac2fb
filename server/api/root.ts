import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { directoryRouter } from "./routers/directory";
import { orgTreeRouter } from "./routers/org-tree";
import { unitsRouter } from "./routers/units";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  audit: auditRouter,
  directory: directoryRouter,
  orgTree: orgTreeRouter,
  units: unitsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
