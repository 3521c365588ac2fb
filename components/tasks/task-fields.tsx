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

/** What both task forms edit. */
export type TaskFieldValues = {
  title: string;
  description: RichText | null;
  startDate: string | null;
  deadline: string | null;
  priority: TaskPriority;
  coIds: string[];
  watcherIds: string[];
};

/**
 * The state of a task's shared fields, their errors, and the props for `TaskTextFields`,
 * `TaskDateFields` and `TaskPeopleFields`. `check` finds what the form must not send: a
 * missing title or date, a deadline before the start.
 */
export function useTaskFields(initial: TaskFieldValues) {
  const tAll = useTranslations();
  const [values, setValues] = useState(initial);
  const fieldErrors = useFieldErrors();
  const { errors, changed } = fieldErrors;
  const setter =
    <K extends keyof TaskFieldValues>(key: K) =>
    (value: TaskFieldValues[K]) =>
      setValues((all) => ({ ...all, [key]: value }));
  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!values.title.trim()) found.title = tAll("validation.required");
    if (!values.startDate) found.startDate = tAll("validation.required");
    if (!values.deadline) found.deadline = tAll("validation.required");
    if (values.startDate && values.deadline && values.deadline < values.startDate)
      found.deadline = tAll("tasks.deadlineBeforeStart");
    return found;
  };
  return {
    ...fieldErrors,
    values,
    check,
    text: {
      title: values.title,
      onTitle: changed("title", setter("title")),
      description: values.description,
      onDescription: changed("description", setter("description")),
      errors,
    },
    dates: {
      startDate: values.startDate,
      // A new start may settle the deadline's error too.
      onStart: changed("deadline", changed("startDate", setter("startDate"))),
      deadline: values.deadline,
      onDeadline: changed("deadline", setter("deadline")),
      priority: values.priority,
      onPriority: setter("priority"),
      errors,
    },
    people: {
      coIds: values.coIds,
      onCo: changed("coIds", setter("coIds")),
      watcherIds: values.watcherIds,
      onWatchers: changed("watcherIds", setter("watcherIds")),
      errors,
    },
  };
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
  // Watchers alone (for those who may not assign) take the whole row.
  return (
    <SimpleGrid cols={{ base: 1, sm: canAssign ? 2 : 1 }}>
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
