import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TasksView } from "@/components/tasks/tasks-view";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { can } from "@/lib/permissions";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasksUi");
  return { title: t("pageTitle") };
}

export default async function TasksPage() {
  const { actor, allowed } = await requireActor("task.work");
  if (!allowed) return <ForbiddenNotice action="task.work" />;
  const unit =
    actor.roles.includes("leader") || (actor.roles.includes("unit_head") && !!actor.unitId);
  return <TasksView canUnit={unit} canReport={can(actor.roles, "task.report")} />;
}
