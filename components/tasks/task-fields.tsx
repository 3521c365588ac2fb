"use client";

import { Input, MultiSelect, Select, SimpleGrid, TextInput } from "@mantine/core";
import type { ComboboxData } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { DateField } from "@/components/ui/date-field";
import { RichTextEditor, type RichText } from "@/components/ui/rich-text-editor";
import { taskPriorities, type TaskPriority } from "@/lib/schemas/tasks";

/** Field errors by the server's paths ("coIds.0" belongs to "coIds"). */
export type FieldErrors = Record<string, string>;

const errorOf = (errors: FieldErrors, field: string) =>
  Object.entries(errors).find(([k]) => k === field || k.startsWith(`${field}.`))?.[1];

/**
 * A form's field errors, each gone once its field is changed: `changed("title", setTitle)` sets
 * the value and clears the title's error.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const changed = useCallback(
    <T,>(field: string, set: (v: T) => void) =>
      (v: T) => {
        set(v);
        setErrors((all) =>
          Object.fromEntries(
            Object.entries(all).filter(([k]) => k !== field && !k.startsWith(`${field}.`)),
          ),
        );
      },
    [],
  );
  return { errors, setErrors, changed, errorOf: (field: string) => errorOf(errors, field) };
}

/** A task's title and text. */
export function TaskTextFields({
  title,
  onTitle,
  description,
  onDescription,
  errors,
}: {
  title: string;
  onTitle: (title: string) => void;
  description: RichText | null;
  onDescription: (description: RichText | null) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("tasksUi");
  return (
    <>
      <TextInput
        label={t("title")}
        required
        value={title}
        onChange={(e) => onTitle(e.currentTarget.value)}
        error={errors.title}
        maxLength={500}
        data-testid="task-title"
      />
      <Input.Wrapper label={t("description")} error={errorOf(errors, "description")}>
        <RichTextEditor
          value={description}
          onChange={onDescription}
          label={t("description")}
          minHeight={140}
        />
      </Input.Wrapper>
    </>
  );
}

/**
 * A task's start, deadline and priority. The deadline is no earlier than the start and, when
 * given, within `deadlineLimits`: a subtask's parent's deadline, a parent's open subtasks'.
 */
export function TaskDateFields({
  startDate,
  onStart,
  deadline,
  onDeadline,
  priority,
  onPriority,
  deadlineLimits = {},
  errors,
}: {
  startDate: string | null;
  onStart: (day: string | null) => void;
  deadline: string | null;
  onDeadline: (day: string | null) => void;
  priority: TaskPriority;
  onPriority: (priority: TaskPriority) => void;
  deadlineLimits?: {
    min?: string | null;
    minMessage?: string;
    max?: string | null;
    maxMessage?: string;
  };
  errors: FieldErrors;
}) {
  const t = useTranslations("tasksUi");
  // The later of the start and the given limit; its message only when the limit decides.
  const limitFirst = Boolean(deadlineLimits.min && (!startDate || deadlineLimits.min > startDate));
  const minDeadline = limitFirst ? deadlineLimits.min! : startDate;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <DateField
        label={t("startDate")}
        required
        value={startDate}
        onChange={onStart}
        error={errors.startDate}
        data-testid="task-start-date"
      />
      <DateField
        label={t("deadline")}
        required
        value={deadline}
        onChange={onDeadline}
        minDate={minDeadline ?? undefined}
        minMessage={limitFirst ? deadlineLimits.minMessage : undefined}
        maxDate={deadlineLimits.max ?? undefined}
        maxMessage={deadlineLimits.maxMessage}
        error={errors.deadline}
        data-testid="task-deadline"
      />
      <Select
        label={t("priorityLabel")}
        data={taskPriorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={priority}
        onChange={(v) => v && onPriority(v as TaskPriority)}
        allowDeselect={false}
        data-testid="task-priority"
      />
    </SimpleGrid>
  );
}

/** Who works with the lead (for those who may assign) and who follows the task. */
export function TaskPeopleFields({
  people,
  canAssign,
  coIds,
  onCo,
  watcherIds,
  onWatchers,
  errors,
}: {
  people: ComboboxData;
  canAssign: boolean;
  coIds: string[];
  onCo: (ids: string[]) => void;
  watcherIds: string[];
  onWatchers: (ids: string[]) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("tasksUi");
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {canAssign && (
        <MultiSelect
          label={t("co")}
          searchable
          data={people}
          value={coIds}
          onChange={onCo}
          error={errorOf(errors, "coIds")}
          data-testid="task-co"
        />
      )}
      <MultiSelect
        label={t("watchers")}
        searchable
        data={people}
        value={watcherIds}
        onChange={onWatchers}
        error={errorOf(errors, "watcherIds")}
        data-testid="task-watchers"
      />
    </SimpleGrid>
  );
}
