import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/task-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { isUuid } from "@/lib/schemas/fields";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasksUi");
  return { title: t("new") };
}

export default async function NewTaskPage({
  searchParams,
}: {
  searchParams: Promise<{ parent?: string | string[] }>;
}) {
  const { actor, allowed } = await requireActor("task.work");
  if (!allowed) return <ForbiddenNotice action="task.work" />;
  const t = await getTranslations("tasksUi");
  const { parent } = await searchParams;
  // The server checks the parent again (seen by the actor, still open) when the task is created.
  const parentId = typeof parent === "string" && isUuid(parent) ? parent : null;
  return (
    <>
      <PageHeader title={t("new")} />
      <TaskForm
        me={actor.userId}
        canAssign={can(actor.roles, "task.assign")}
        leader={actor.roles.includes("leader")}
        parentId={parentId}
        canSearchDocuments={can(actor.roles, "incoming.read")}
      />
    </>
  );
}
