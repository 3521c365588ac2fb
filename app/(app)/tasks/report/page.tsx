import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TaskReportView } from "@/components/tasks/task-report";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("taskReport");
  return { title: t("pageTitle") };
}

export default async function TaskReportPage() {
  const { allowed } = await requireActor("task.report");
  if (!allowed) return <ForbiddenNotice action="task.report" />;
  return <TaskReportView />;
}
