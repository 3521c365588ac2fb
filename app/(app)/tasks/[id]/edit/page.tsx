import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TaskEditPage } from "@/components/tasks/task-edit-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { isUuid } from "@/lib/schemas/fields";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasksUi");
  return { title: t("editTitle") };
}

export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, allowed } = await requireActor("task.work");
  if (!allowed) return <ForbiddenNotice action="task.work" />;
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const t = await getTranslations("tasksUi");
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <TaskEditPage
        id={id}
        canAssign={can(actor.roles, "task.assign")}
        canSearchDocuments={can(actor.roles, "incoming.read")}
      />
    </>
  );
}
