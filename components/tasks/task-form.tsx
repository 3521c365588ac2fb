"use client";

import {
  Button,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DraftAttachments } from "@/components/outgoing/draft-attachments";
import { useTRPC } from "@/components/providers/trpc";
import { useUploads } from "@/components/reception/use-uploads";
import { DateField } from "@/components/ui/date-field";
import { RichTextEditor, type RichText } from "@/components/ui/rich-text-editor";
import { fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import { vietnamToday } from "@/lib/dates";
import { taskPriorities, type TaskPriority, type TaskStatus } from "@/lib/schemas/tasks";
import { TaskDocumentsField } from "./task-documents-field";
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
  const today = vietnamToday();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState<RichText | null>(null);
  const [leadKind, setLeadKind] = useState<"person" | "unit">("person");
  const [leadUser, setLeadUser] = useState<string | null>(me);
  const [leadUnit, setLeadUnit] = useState<string | null>(null);
  const [coIds, setCoIds] = useState<string[]>([]);
  const [watcherIds, setWatcherIds] = useState<string[]>([]);
  const [startDate, setStart] = useState<string | null>(today);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [priority, setPriority] = useState<TaskPriority>("normal");
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [parentId, setParentId] = useState<string | null>(initialParent);
  const [parentSearch, setParentSearch] = useState("");
  const parents = useParentChoices(initialParent, parentSearch);
  const uploads = useUploads({
    failed: tAll("files.uploadFailed"),
    duplicate: (name) => tAll("outgoingDraft.duplicateAttachment", { name }),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
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
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = tAll("validation.required");
    if (!deadline) found.deadline = tAll("validation.required");
    if (!startDate) found.startDate = tAll("validation.required");
    if (leadKind === "person" ? !leadUser : !leadUnit) found.lead = tAll("validation.required");
    if (startDate && deadline && deadline < startDate)
      found.deadline = tAll("tasks.deadlineBeforeStart");
    if (uploads.pending) found.files = tAll("outgoingDraft.attachmentsPending");
    else if (uploads.failed) found.files = tAll("outgoingDraft.attachmentsFailed");
    setErrors(found);
    if (Object.keys(found).length > 0 || create.isPending) return;
    create.mutate({
      title,
      description,
      lead: leadKind === "person" ? { userId: leadUser } : { unitId: leadUnit },
      coIds,
      watcherIds,
      startDate: startDate!,
      deadline: deadline!,
      priority,
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
          onChange={setParentId}
          error={errors.parentId}
          nothingFoundMessage={t("emptyFiltered")}
          data-testid="task-parent"
        />
        <TextInput
          label={t("title")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          maxLength={500}
          data-testid="task-title"
        />
        <Input.Wrapper label={t("description")} error={errors.description}>
          <RichTextEditor
            value={description}
            onChange={setDescription}
            label={t("description")}
            minHeight={140}
          />
        </Input.Wrapper>
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
            onChange={setLeadUser}
            error={errors.lead}
            data-testid="task-lead"
          />
        ) : (
          <Select
            label={t("leadUnit")}
            required
            searchable
            data={staff.units}
            value={leadUnit}
            onChange={setLeadUnit}
            error={errors.lead}
            description={leader ? undefined : t("unitHeadOwnUnit")}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {canAssign && (
            <MultiSelect
              label={t("co")}
              searchable
              data={staff.groups}
              value={coIds}
              onChange={setCoIds}
              error={Object.entries(errors).find(([k]) => k.startsWith("coIds"))?.[1]}
            />
          )}
          <MultiSelect
            label={t("watchers")}
            searchable
            data={staff.groups}
            value={watcherIds}
            onChange={setWatcherIds}
            error={Object.entries(errors).find(([k]) => k.startsWith("watcherIds"))?.[1]}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField
            label={t("startDate")}
            required
            value={startDate}
            onChange={setStart}
            error={errors.startDate}
          />
          <DateField
            label={t("deadline")}
            required
            value={deadline}
            onChange={setDeadline}
            minDate={startDate ?? undefined}
            maxDate={parents.deadlineOf(parentId) ?? undefined}
            maxMessage="tasks.afterParentDeadlineDay"
            error={errors.deadline}
            data-testid="task-deadline"
          />
          <Select
            label={t("priorityLabel")}
            data={taskPriorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            value={priority}
            onChange={(v) => v && setPriority(v as TaskPriority)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TaskDocumentsField
          linked={[]}
          searchable={canSearchDocuments}
          value={documentIds}
          onChange={setDocumentIds}
          error={Object.entries(errors).find(([k]) => k.startsWith("documentIds"))?.[1]}
        />
        <DraftAttachments
          kept={[]}
          onKeptChange={() => undefined}
          uploads={uploads}
          error={errors.files}
        />
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
