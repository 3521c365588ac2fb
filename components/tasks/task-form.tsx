"use client";

import { Alert, Button, Group, SegmentedControl, Select, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DraftAttachments } from "@/components/outgoing/draft-attachments";
import { useTRPC } from "@/components/providers/trpc";
import { useUploads } from "@/components/reception/use-uploads";
import { fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import { vietnamToday } from "@/lib/dates";
import type { TaskStatus } from "@/lib/schemas/tasks";
import { TaskDocumentsField } from "./task-documents-field";
import { TaskDateFields, TaskPeopleFields, TaskTextFields, useTaskFields } from "./task-fields";
import { useStaff } from "./use-staff";

/**
 * Open tasks the person gave or works on, to put a new task under: searched by title (without
 * diacritics), with the parent chosen on its page kept among them.
 */
function useParentChoices(initial: string | null, search: string) {
  const trpc = useTRPC();
  const [q] = useDebouncedValue(search.trim(), 300);
  const open = { status: ["new", "in_progress"] as TaskStatus[], q, limit: 20 };
  const given = useQuery(trpc.tasks.list.queryOptions({ view: "assigned", ...open }));
  const mine = useQuery(trpc.tasks.list.queryOptions({ view: "mine", ...open }));
  const chosen = useQuery(
    trpc.tasks.get.queryOptions({ id: initial ?? "" }, { enabled: Boolean(initial) }),
  );
  return useMemo(() => {
    const options = new Map<string, { title: string; deadline: string }>();
    if (chosen.data) options.set(chosen.data.id, chosen.data);
    for (const row of [...(given.data?.items ?? []), ...(mine.data?.items ?? [])])
      options.set(row.id, row);
    return {
      choices: [...options].map(([value, { title }]) => ({ value, label: title })),
      /** A subtask is due no later than its parent. */
      deadlineOf: (id: string | null) => (id ? (options.get(id)?.deadline ?? null) : null),
    };
  }, [chosen.data, given.data, mine.data]);
}

/**
 * A new task: for oneself, or (leaders, unit heads) for a person or a unit, with co-assignees,
 * watchers, dates, priority, the documents it follows and files. The server checks whom the
 * actor may give it to and that the actor sees each document.
 */
export function TaskForm({
  me,
  canAssign,
  leader,
  parentId: initialParent = null,
  canSearchDocuments,
}: {
  me: string;
  canAssign: boolean;
  leader: boolean;
  /** May search the organisation's documents to link the task to. */
  canSearchDocuments: boolean;
  /** A subtask's parent, chosen on the parent's page ("Tạo việc con"). */
  parentId?: string | null;
}) {
  const t = useTranslations("tasksUi");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const [leadKind, setLeadKind] = useState<"person" | "unit">("person");
  const [leadUser, setLeadUser] = useState<string | null>(me);
  const [leadUnit, setLeadUnit] = useState<string | null>(null);
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [parentId, setParentId] = useState<string | null>(initialParent);
  const [parentSearch, setParentSearch] = useState("");
  const parents = useParentChoices(initialParent, parentSearch);
  const uploads = useUploads({
    failed: tAll("files.uploadFailed"),
    duplicate: (name) => tAll("outgoingDraft.duplicateAttachment", { name }),
  });
  const fields = useTaskFields({
    title: "",
    description: null,
    startDate: vietnamToday(),
    deadline: null,
    priority: "normal",
    coIds: [],
    watcherIds: [],
  });
  const { errors, setErrors, changed, errorOf, values } = fields;
  const create = useMutation(
    trpc.tasks.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        notifications.show({ color: "green", message: t("created") });
        router.push(`/tasks/${id}`);
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        showServerError(error, tAll("errors.internal"));
      },
    }),
  );

  const submit = () => {
    const found = fields.check();
    if (leadKind === "person" ? !leadUser : !leadUnit) found.lead = tAll("validation.required");
    if (uploads.pending) found.files = tAll("outgoingDraft.attachmentsPending");
    else if (uploads.failed) found.files = tAll("outgoingDraft.attachmentsFailed");
    setErrors(found);
    if (Object.keys(found).length > 0 || create.isPending) return;
    create.mutate({
      ...values,
      lead: leadKind === "person" ? { userId: leadUser } : { unitId: leadUnit },
      startDate: values.startDate!,
      deadline: values.deadline!,
      parentId,
      documentIds,
      files: uploads.attached.map(({ sha256, fileName }) => ({ sha256, fileName })),
    } as Parameters<typeof create.mutate>[0]);
  };

  return (
    <form
      noValidate
      data-testid="task-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack maw={860} gap="md">
        <Select
          label={t("parent")}
          description={t("parentHint")}
          placeholder={t("parentPlaceholder")}
          searchable
          clearable
          searchValue={parentSearch}
          onSearchChange={setParentSearch}
          filter={({ options }) => options}
          data={parents.choices}
          value={parentId}
          onChange={changed("parentId", setParentId)}
          error={errors.parentId}
          nothingFoundMessage={t("emptyFiltered")}
          data-testid="task-parent"
        />
        <TaskTextFields {...fields.text} />
        {canAssign && (
          <SegmentedControl
            value={leadKind}
            onChange={(v) => setLeadKind(v as "person" | "unit")}
            data={[
              { value: "person", label: t("leadPerson") },
              { value: "unit", label: t("leadUnit") },
            ]}
            w="fit-content"
          />
        )}
        {leadKind === "person" ? (
          <Select
            label={t("lead")}
            required
            searchable
            data={canAssign ? staff.groups : staff.people.filter((p) => p.value === me)}
            value={leadUser}
            onChange={changed("lead", setLeadUser)}
            error={errorOf("lead")}
            data-testid="task-lead"
          />
        ) : (
          <Select
            label={t("leadUnit")}
            required
            searchable
            data={staff.units}
            value={leadUnit}
            onChange={changed("lead", setLeadUnit)}
            error={errorOf("lead")}
            description={leader ? undefined : t("unitHeadOwnUnit")}
          />
        )}
        <TaskPeopleFields {...fields.people} people={staff.groups} canAssign={canAssign} />
        <TaskDateFields
          {...fields.dates}
          deadlineLimits={{
            max: parents.deadlineOf(parentId),
            maxMessage: "tasks.afterParentDeadlineDay",
          }}
        />
        <TaskDocumentsField
          linked={[]}
          searchable={canSearchDocuments}
          value={documentIds}
          onChange={changed("documentIds", setDocumentIds)}
          error={errorOf("documentIds")}
        />
        <DraftAttachments
          kept={[]}
          onKeptChange={() => undefined}
          uploads={uploads}
          error={errors.files}
        />
        {Object.keys(errors).length > 0 && (
          <Alert color="red" variant="light">
            {tAll("errors.validation")}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => router.back()}>
            {tAll("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="task-submit">
            {t("create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
