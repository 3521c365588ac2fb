"use client";

import { Alert, Anchor, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { RichText } from "@/components/ui/rich-text-editor";
import { appCodeOf, fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import type { TaskDetail } from "@/server/tasks/detail";
import { TaskDocumentsField } from "./task-documents-field";
import { TaskDateFields, TaskPeopleFields, TaskTextFields, useTaskFields } from "./task-fields";
import { useStaff } from "./use-staff";

/**
 * The assigner's edit of an open task: title, text, dates, priority, co-assignees, watchers and
 * linked documents. Sent with the version it was loaded at: if someone changed the task
 * meanwhile, the server refuses and the page reloads the latest version into the form.
 */
export function TaskEditForm({
  task,
  canAssign,
  canSearchDocuments,
}: {
  task: TaskDetail;
  canAssign: boolean;
  canSearchDocuments: boolean;
}) {
  const t = useTranslations("tasksUi");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const roleIds = (role: string) => task.people.filter((p) => p.role === role).map((p) => p.userId);
  // A field's error goes once the field is changed, and the form's summary with the last one.
  const fields = useTaskFields({
    title: task.title,
    description: (task.description as RichText | null) ?? null,
    startDate: task.startDate,
    deadline: task.deadline,
    priority: task.priority,
    coIds: roleIds("co"),
    watcherIds: roleIds("watcher"),
  });
  const { errors, setErrors, changed, errorOf, values } = fields;
  const [documentIds, setDocumentIds] = useState<string[]>(task.documents.map((d) => d.id));
  // Its deadline stays within its parent's, and no earlier than its open subtasks' latest.
  const latestSubtask = task.subtasks
    .filter((s) => s.status === "new" || s.status === "in_progress")
    .reduce<string | null>(
      (latest, s) => (latest && latest > s.deadline ? latest : s.deadline),
      null,
    );
  const linked = useMemo(
    () =>
      task.documents.map((d) => ({
        value: d.id,
        label: [d.label, d.subject].filter(Boolean).join(" ") || d.id.slice(0, 8),
      })),
    [task.documents],
  );
  const fromDirection = useMemo(
    () => new Set(task.documents.filter((d) => d.fromDirection).map((d) => d.id)),
    [task.documents],
  );
  // The lead is not offered as a co-assignee or watcher: the server would refuse it twice.
  const people = useMemo(
    () =>
      staff.groups.map((g) => ({
        ...g,
        items: g.items.filter((p) => p.value !== task.leadUserId),
      })),
    [staff.groups, task.leadUserId],
  );

  const save = useMutation(
    trpc.tasks.act.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        notifications.show({ color: "green", message: t("done.edit") });
        router.push(`/tasks/${task.id}`);
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        showServerError(error, tAll("errors.internal"));
        if (appCodeOf(error) === "STALE")
          void queryClient.invalidateQueries({
            queryKey: trpc.tasks.get.queryKey({ id: task.id }),
          });
      },
    }),
  );

  const submit = () => {
    const found = fields.check();
    setErrors(found);
    if (Object.keys(found).length > 0 || save.isPending) return;
    save.mutate({
      taskId: task.id,
      version: task.version,
      input: {
        action: "edit",
        ...values,
        description: values.description as never,
        startDate: values.startDate!,
        deadline: values.deadline!,
        documentIds,
      },
    });
  };

  return (
    <form
      noValidate
      data-testid="task-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack maw={860} gap="md">
        <Text size="sm" c="dimmed">
          {t("editHint")}
        </Text>
        <TaskTextFields {...fields.text} />
        <TaskDateFields
          {...fields.dates}
          deadlineLimits={{
            min: latestSubtask,
            minMessage: "tasks.beforeSubtaskDeadlineDay",
            max: task.parentDeadline,
            maxMessage: "tasks.afterParentDeadlineDay",
          }}
        />
        <TaskPeopleFields {...fields.people} people={people} canAssign={canAssign} />
        <TaskDocumentsField
          linked={linked}
          searchable={canSearchDocuments}
          value={documentIds}
          // The document a direction made the task from stays linked (the server says so too).
          onChange={changed("documentIds", (ids: string[]) =>
            setDocumentIds([...new Set([...ids, ...fromDirection])]),
          )}
          description={
            fromDirection.size > 0
              ? `${t("directionDocument")}: ${task.documents
                  .filter((d) => d.fromDirection)
                  .map((d) => d.label)
                  .join(", ")}`
              : undefined
          }
          error={errorOf("documentIds")}
        />
        {Object.keys(errors).length > 0 && (
          <Alert color="red" variant="light">
            {tAll("errors.validation")}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} href={`/tasks/${task.id}`}>
            {tAll("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="task-save">
            {t("save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Loads the task and shows its edit form, or why it cannot be edited now. */
export function TaskEditPage({
  id,
  canAssign,
  canSearchDocuments,
}: {
  id: string;
  canAssign: boolean;
  canSearchDocuments: boolean;
}) {
  const tAll = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.tasks.get.queryOptions({ id }));
  if (query.isPending) return <Loader />;
  if (query.isError)
    return (
      <Alert color="red" data-testid="task-error">
        {query.error.message}
      </Alert>
    );
  const task = query.data;
  if (!task.actions.includes("edit"))
    return (
      <Alert color="yellow" data-testid="task-not-editable">
        <Stack gap={4}>
          <Text size="sm">
            {task.status === "new" || task.status === "in_progress"
              ? tAll("tasks.onlyAssignerEdits")
              : tAll("tasks.notAllowedNow")}
          </Text>
          <Anchor component={Link} href={`/tasks/${id}`} size="sm">
            ← {task.title}
          </Anchor>
        </Stack>
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Anchor component={Link} href={`/tasks/${id}`} size="sm" style={{ overflowWrap: "anywhere" }}>
        ← {task.title}
      </Anchor>
      {/* A newer version (after a refusal as stale) refills the form from it. */}
      <TaskEditForm
        key={task.version}
        task={task}
        canAssign={canAssign}
        canSearchDocuments={canSearchDocuments}
      />
    </Stack>
  );
}
