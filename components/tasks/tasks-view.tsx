"use client";

import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconChecklist,
  IconLayoutKanban,
  IconList,
  IconPlus,
  IconReportAnalytics,
  IconSearch,
} from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { DateField } from "@/components/ui/date-field";
import { ListStates } from "@/components/ui/list-states";
import { PageHeader } from "@/components/ui/page-header";
import {
  taskPriorities,
  taskStatuses,
  type TaskPriority,
  type TaskStatus,
  type TaskView,
} from "@/lib/schemas/tasks";
import type { TaskListItem } from "@/server/tasks/list";
import { TaskBoard } from "./task-board";
import { taskPriorityColor, taskStatusColor } from "./task-format";

/** "Công việc": my tasks, the tasks I gave, my unit's, as a list or a board. */
export function TasksView({ canUnit, canReport }: { canUnit: boolean; canReport: boolean }) {
  const t = useTranslations("tasksUi");
  const trpc = useTRPC();
  const [view, setView] = useState<TaskView>("mine");
  const [mode, setMode] = useState<"list" | "board">("list");
  const [status, setStatus] = useState<TaskStatus[]>([]);
  const [priority, setPriority] = useState<TaskPriority[]>([]);
  const [overdue, setOverdue] = useState(false);
  const [deadlineFrom, setFrom] = useState<string | null>(null);
  const [deadlineTo, setTo] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q, 300);
  const [sort, setSort] = useState<"deadline" | "priority" | "created">("deadline");
  const validDay = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
  const input = {
    view,
    status: mode === "board" ? [] : status,
    priority,
    overdue,
    deadlineFrom: validDay(deadlineFrom),
    deadlineTo: validDay(deadlineTo),
    q: search,
    sort,
    limit: mode === "board" ? 100 : 30,
  };
  const query = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
  );
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered =
    status.length + priority.length > 0 || overdue || !!search || !!deadlineFrom || !!deadlineTo;

  const columns: DataColumn<TaskListItem>[] = [
    {
      key: "title",
      header: t("title"),
      fixed: true,
      card: "title",
      minWidth: 240,
      render: (r) => (
        <Text component={Link} href={`/tasks/${r.id}`} fw={600} c="blue.8" data-testid="task-link">
          {r.title}
        </Text>
      ),
    },
    { key: "lead", header: t("lead"), render: (r) => r.leadName },
    { key: "assigner", header: t("assigner"), render: (r) => r.assignerName },
    {
      key: "deadline",
      header: t("deadline"),
      nowrap: true,
      render: (r) => (
        <Text size="sm" c={r.overdue ? "red" : undefined} fw={r.overdue ? 700 : undefined}>
          {formatDate(r.deadline)}
          {r.overdue ? ` · ${t("overdue")}` : ""}
        </Text>
      ),
    },
    {
      key: "priority",
      header: t("priorityLabel"),
      render: (r) => (
        <Badge color={taskPriorityColor[r.priority]} variant="light">
          {t(`priority.${r.priority}`)}
        </Badge>
      ),
    },
    {
      key: "status",
      header: t("statusLabel"),
      fixed: true,
      render: (r) => (
        <Group gap={4}>
          <Badge color={taskStatusColor[r.status]}>{t(`status.${r.status}`)}</Badge>
          {r.waiting && (
            <Badge color="grape" variant="outline">
              {t("waiting")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "progress",
      header: t("progress"),
      minWidth: 100,
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          <Progress value={r.progress} w={60} aria-label={t("progress")} />
          <Text size="xs">{r.progress}%</Text>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("pageTitle")}
        actions={
          <>
            {canReport && (
              <Button
                variant="default"
                component={Link}
                href="/tasks/report"
                leftSection={<IconReportAnalytics size={16} />}
              >
                {t("report")}
              </Button>
            )}
            <Button
              component={Link}
              href="/tasks/new"
              leftSection={<IconPlus size={16} />}
              data-testid="new-task"
            >
              {t("new")}
            </Button>
          </>
        }
      />
      <Group justify="space-between" mb="sm" gap="xs">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as TaskView)}
          data={[
            { value: "mine", label: t("views.mine") },
            { value: "assigned", label: t("views.assigned") },
            ...(canUnit ? [{ value: "unit", label: t("views.unit") }] : []),
          ]}
          data-testid="task-views"
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as "list" | "board")}
          data={[
            {
              value: "list",
              label: (
                <Group gap={4} wrap="nowrap">
                  <IconList size={16} />
                  {t("list")}
                </Group>
              ),
            },
            {
              value: "board",
              label: (
                <Group gap={4} wrap="nowrap">
                  <IconLayoutKanban size={16} />
                  {t("board")}
                </Group>
              ),
            },
          ]}
          data-testid="task-mode"
        />
      </Group>
      <Group mb="md" gap="xs" align="flex-end">
        <TextInput
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          w={{ base: "100%", sm: 240 }}
          data-testid="task-search"
        />
        {mode === "list" && (
          <MultiSelect
            label={t("statusLabel")}
            data={taskStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as TaskStatus[])}
            clearable
            w={{ base: "100%", sm: 220 }}
          />
        )}
        <MultiSelect
          label={t("priorityLabel")}
          data={taskPriorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={priority}
          onChange={(v) => setPriority(v as TaskPriority[])}
          clearable
          w={{ base: "100%", sm: 200 }}
        />
        <DateField
          label={t("deadlineFrom")}
          value={deadlineFrom}
          onChange={setFrom}
          w={{ base: "48%", sm: 150 }}
        />
        <DateField
          label={t("deadlineTo")}
          value={deadlineTo}
          onChange={setTo}
          w={{ base: "48%", sm: 150 }}
        />
        <Select
          label={t("sort")}
          value={sort}
          onChange={(v) => v && setSort(v as typeof sort)}
          data={[
            { value: "deadline", label: t("sorts.deadline") },
            { value: "priority", label: t("sorts.priority") },
            { value: "created", label: t("sorts.created") },
          ]}
          allowDeselect={false}
          w={{ base: "100%", sm: 170 }}
        />
        <Switch
          label={t("onlyOverdue")}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
          data-testid="task-overdue"
        />
      </Group>
      <Stack gap="sm">
        <ListStates
          query={query}
          count={rows.length}
          loadError={t("loadError")}
          empty={{
            icon: <IconChecklist size={24} />,
            title: filtered ? t("emptyFiltered") : t(`empty.${view}`),
            description: filtered ? t("emptyFilteredHint") : t(`emptyHint.${view}`),
            testId: "tasks-empty",
            action: filtered ? null : (
              <Button component={Link} href="/tasks/new" leftSection={<IconPlus size={16} />}>
                {t("new")}
              </Button>
            ),
          }}
        />
        {rows.length > 0 &&
          (mode === "board" ? (
            <TaskBoard items={rows} />
          ) : (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(r) => r.id}
              label={t(`views.${view}`)}
              testId="tasks-table"
              rowTestId={() => "task-row"}
            />
          ))}
        {query.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              loading={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {t("more")}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
