// Authorization as data: one table read by the server (enforcement) and the UI (what to offer).
export const roles = [
  "admin",
  "clerk",
  "specialist",
  "unit_head",
  "leader",
  "deployment_admin",
] as const;
export type Role = (typeof roles)[number];

/** Roles held inside an organisation (the deployment admin role is deployment-wide). */
export const organisationRoles = roles.filter((r) => r !== "deployment_admin");

const everyone = roles;

export const permissions = [
  {
    action: "directory.read",
    description: "See the organisation's units and staff",
    roles: everyone,
  },
  {
    action: "calendar.read",
    description: "See one's own calendar: schedule entries, meetings and deadlines, and its feeds",
    roles: everyone,
  },
  {
    action: "unit.manage",
    description: "Create, rename and deactivate units",
    roles: ["admin", "deployment_admin"],
  },
  {
    action: "user.manage",
    description: "Create and edit users, set roles, deactivate, reset passwords",
    roles: ["admin", "deployment_admin"],
  },
  {
    action: "audit.read",
    description: "Read the organisation's audit log and verify its chain",
    roles: ["admin", "deployment_admin"],
  },
  {
    action: "incoming.read",
    description:
      "See the incoming documents one takes part in (all of them for clerks and leaders)",
    roles: ["admin", "clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "incoming.receive",
    description: "Receive and register incoming documents, present them, return them to the sender",
    roles: ["clerk"],
  },
  {
    action: "incoming.direct",
    description: "Direct incoming documents and decide on deadline extensions",
    roles: ["leader"],
  },
  {
    action: "incoming.assign",
    description: "Pass a unit's part of a document to one of its specialists",
    roles: ["unit_head"],
  },
  {
    action: "incoming.handle",
    description:
      "Handle the documents one is assigned: notes, extensions, results and their review, return",
    roles: ["clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "registry.read",
    description: "Print the registry books",
    roles: ["clerk", "leader"],
  },
  {
    action: "registry.manage",
    description: "Add and edit registry books",
    roles: ["admin", "clerk"],
  },
  {
    action: "incoming.report",
    description: "See the handling report by unit and status",
    roles: ["leader", "clerk"],
  },
  {
    action: "outgoing.draft",
    description: "Draft outgoing documents, send them on their approval route, revise them",
    roles: ["clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "outgoing.approve",
    description:
      "Decide at a step of a draft's route one is on: review mark, format check, signature",
    roles: ["clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "outgoing.routeTemplates",
    description: "Keep the organisation's approval route templates: create, edit, take out of use",
    roles: ["admin", "clerk"],
  },
  {
    action: "outgoing.issue",
    description: "Number, seal and issue signed outgoing documents",
    roles: ["clerk"],
  },
  {
    action: "signing.manage",
    description: "Issue, renew and revoke signing certificates; approve outside CAs",
    roles: ["deployment_admin"],
  },
  {
    action: "signing.own",
    description:
      "Sign with a certificate of one's own: import one from an outside CA, keep one's signature picture",
    roles: ["leader"],
  },
  {
    action: "exchange.manage",
    description:
      "Set up the peer deployments documents are exchanged with; watch and retry the outbox",
    roles: ["deployment_admin"],
  },
  {
    action: "orgTree.manage",
    description: "Create, rename, move, close and merge organisations",
    roles: ["deployment_admin"],
  },
  {
    action: "schedule.read",
    description: "Read the published weekly work schedules of the organisation and its units",
    roles: everyone,
  },
  {
    action: "schedule.draft",
    description:
      "Draft a weekly work schedule (clerks the leadership's, unit heads their unit's), submit it, change it after publication",
    roles: ["admin", "clerk", "unit_head"],
  },
  {
    action: "schedule.approve",
    description: "Approve and publish a submitted weekly work schedule, or return it with a reason",
    roles: ["leader"],
  },
  {
    action: "task.work",
    description:
      "Work on tasks: see the tasks one gives, leads, helps with or watches; create tasks for oneself; report progress, ask for more time, comment",
    roles: ["admin", "clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "task.assign",
    description:
      "Give tasks to others and decide on them: leaders across the organisation, unit heads within their unit",
    roles: ["unit_head", "leader"],
  },
  {
    action: "task.report",
    description: "See the task report by unit and person (unit heads: their unit)",
    roles: ["unit_head", "leader"],
  },
  {
    action: "meeting.read",
    description:
      "See the meetings one organises or is invited to, answer invitations, check rooms' bookings",
    roles: ["admin", "clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "meeting.organise",
    description:
      "Organise meetings: book a room, invite people, change, move or cancel one's meetings",
    roles: ["clerk", "specialist", "unit_head", "leader"],
  },
  {
    action: "room.manage",
    description: "Keep the organisation's meeting rooms and reserve them for other purposes",
    roles: ["admin", "clerk"],
  },
  {
    action: "notice.read",
    description: "Read the internal notices addressed to oneself, confirm having read them",
    roles: everyone,
  },
  {
    action: "notice.publish",
    description: "Write, publish, withdraw and track the organisation's internal notices",
    roles: ["leader", "clerk", "admin"],
  },
] as const satisfies readonly { action: string; description: string; roles: readonly Role[] }[];

export type Action = (typeof permissions)[number]["action"];

const byAction = new Map<string, readonly Role[]>(permissions.map((p) => [p.action, p.roles]));

export function can(userRoles: readonly Role[], action: Action): boolean {
  const allowed = byAction.get(action) ?? [];
  return userRoles.some((r) => allowed.includes(r));
}

export function allowedActions(userRoles: readonly Role[]): Action[] {
  return permissions.filter((p) => can(userRoles, p.action)).map((p) => p.action);
}
