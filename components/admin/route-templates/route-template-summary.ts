import type { RouteTemplateStep } from "@/lib/outgoing";

type Translate = (key: string, values?: Record<string, string>) => string;
type Named = { id: string; fullName: string; active: boolean };

/**
 * A template's road in one line: each step's kind, then who decides there, in brackets:
 * "Ký nháy (Trưởng phòng) → Kiểm tra thể thức (Văn thư) → Ký ban hành (Nguyễn Đức Thắng)".
 * `t` reads the root messages.
 */
export function summariseSteps(
  steps: readonly RouteTemplateStep[],
  people: readonly Named[],
  t: Translate,
): string {
  const byId = new Map(people.map((p) => [p.id, p]));
  return steps
    .map((step) => {
      const who = [
        ...(step.role ? [t(`routeTemplates.roleShort.${step.role}`)] : []),
        ...step.userIds.flatMap((id) => {
          const p = byId.get(id);
          if (!p) return [];
          return [p.active ? p.fullName : t("routeTemplates.inactivePerson", { name: p.fullName })];
        }),
      ];
      const members = who.length > 0 ? who.join(", ") : t("routeTemplates.chosenWhenDrafting");
      return `${t(`outgoingPage.stepKind.${step.kind}`)} (${members})`;
    })
    .join(" → ");
}
