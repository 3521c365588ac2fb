// Every demo organisation starts with two route templates a clerk would set up first: the road
// of an ordinary công văn, and the longer one of a quyết định, which the leader in charge reads
// before the format check. They name roles, not people, so they fit every organisation.
import type { RouteTemplateStep } from "@/lib/outgoing";
import type { Tx } from "../client";
import { routeTemplate } from "../schema/outgoing";

export const demoRouteTemplates: { name: string; steps: RouteTemplateStep[] }[] = [
  {
    name: "Công văn thông thường",
    steps: [
      { kind: "review", rule: "all", userIds: [], role: "unit_head_of_drafter" },
      { kind: "format_check", rule: "any", userIds: [], role: "clerks" },
      { kind: "sign", rule: "all", userIds: [], role: "leader" },
    ],
  },
  {
    name: "Quyết định",
    steps: [
      { kind: "review", rule: "all", userIds: [], role: "unit_head_of_drafter" },
      { kind: "review", rule: "all", userIds: [], role: "leader" },
      { kind: "format_check", rule: "any", userIds: [], role: "clerks" },
      { kind: "sign", rule: "all", userIds: [], role: "leader" },
    ],
  },
];

/** The demo templates of each organisation, made by its clerk; a name already in use is kept. */
export async function seedDemoRouteTemplates(
  tx: Tx,
  organisations: { organisationId: string; createdById: string }[],
): Promise<void> {
  if (organisations.length === 0) return;
  await tx
    .insert(routeTemplate)
    .values(
      organisations.flatMap(({ organisationId, createdById }) =>
        demoRouteTemplates.map((t) => ({ organisationId, createdById, ...t })),
      ),
    )
    .onConflictDoNothing();
}
