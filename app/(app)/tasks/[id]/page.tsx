import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TaskPage } from "@/components/tasks/task-page";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { isUuid } from "@/lib/schemas/fields";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasksUi");
  return { title: t("pageTitle") };
}

export default async function TaskDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { allowed } = await requireActor("task.work");
  if (!allowed) return <ForbiddenNotice action="task.work" />;
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <TaskPage id={id} />;
}
