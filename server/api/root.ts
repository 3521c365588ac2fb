import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { calendarRouter } from "./routers/calendar";
import { directoryRouter } from "./routers/directory";
import { homeRouter } from "./routers/home";
import { incomingRouter } from "./routers/incoming";
import { deliveryRouter } from "./routers/delivery";
import { exchangeRouter } from "./routers/exchange";
import { outgoingRouter } from "./routers/outgoing";
import { signingRouter } from "./routers/signing";
import { incomingReceptionRouter } from "./routers/incoming-reception";
import { inboxRouter } from "./routers/inbox";
import { leaderRouter } from "./routers/leader";
import { mailRouter } from "./routers/mail";
import { meetingsRouter } from "./routers/meetings";
import { noticesRouter } from "./routers/notices";
import { notificationsRouter } from "./routers/notifications";
import { orgTreeRouter } from "./routers/org-tree";
import { registriesRouter } from "./routers/registries";
import { recipientsRouter } from "./routers/recipients";
import { reportsRouter } from "./routers/reports";
import { routeTemplatesRouter } from "./routers/route-templates";
import { scheduleRouter } from "./routers/schedule";
import { tasksRouter } from "./routers/tasks";
import { searchRouter } from "./routers/search";
import { unitsRouter } from "./routers/units";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  audit: auditRouter,
  calendar: calendarRouter,
  directory: directoryRouter,
  home: homeRouter,
  inbox: inboxRouter,
  incoming: incomingRouter,
  outgoing: outgoingRouter,
  delivery: deliveryRouter,
  exchange: exchangeRouter,
  signing: signingRouter,
  leader: leaderRouter,
  mail: mailRouter,
  meetings: meetingsRouter,
  notices: noticesRouter,
  notifications: notificationsRouter,
  orgTree: orgTreeRouter,
  reception: incomingReceptionRouter,
  recipients: recipientsRouter,
  registries: registriesRouter,
  reports: reportsRouter,
  routeTemplates: routeTemplatesRouter,
  schedule: scheduleRouter,
  tasks: tasksRouter,
  search: searchRouter,
  units: unitsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
