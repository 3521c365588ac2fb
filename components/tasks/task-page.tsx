"use client";

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  MultiSelect,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { IconPencil, IconSubtask } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { RichTextEditor } from "@/components/ui/rich-text-editor";
import { showServerError } from "@/components/ui/server-errors";
import type { TaskDetail } from "@/server/tasks/detail";
import { TaskActions } from "./task-actions";
import { TaskEventDetails } from "./task-event-details";
import { TaskFiles } from "./task-files";
import { taskPriorityColor, taskStatusColor } from "./task-format";
import { useStaff } from "./use-staff";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Comments({ task }: { task: TaskDetail }) {
  const t = useTranslations("tasksUi");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const add = useMutation(
    trpc.tasks.comment.mutationOptions({
      onSuccess: () => {
        setBody("");
        setMentions([]);
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
      },
      onError: (e) => showServerError(e, tAll("errors.internal")),
    }),
  );
  return (
    <Stack gap="xs" data-testid="task-comments">
      {task.comments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("noComments")}
        </Text>
      )}
      {task.comments.map((c) => (
        <Card key={c.id} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {c.authorName} · {formatDateTime(c.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {c.body}
          </Text>
        </Card>
      ))}
      <Textarea
        label={t("comment")}
        autosize
        minRows={2}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        data-testid="comment-body"
      />
      <MultiSelect
        label={t("mention")}
        description={t("mentionHint")}
        searchable
        data={staff.groups}
        value={mentions}
        onChange={setMentions}
      />
      <Group justify="flex-end">
        <Button
          variant="light"
          disabled={!body.trim()}
          loading={add.isPending}
          onClick={() => add.mutate({ taskId: task.id, body, mentionIds: mentions })}
          data-testid="comment-submit"
        >
          {t("send")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Everything about one task, its actions first; one column on a phone. */
export function TaskPage({ id }: { id: string }) {
  const t = useTranslations("tasksUi");
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
  return (
    <Stack gap="md" data-testid="task-page">
      <Stack gap={4}>
        <Anchor component={Link} href="/tasks" size="sm">
          ← {t("pageTitle")}
        </Anchor>
        <Title order={2} style={{ overflowWrap: "anywhere" }}>
          {task.title}
        </Title>
        <Group gap={6}>
          <Badge color={taskStatusColor[task.status]} data-testid="task-status">
            {t(`status.${task.status}`)}
          </Badge>
          <Badge color={taskPriorityColor[task.priority]} variant="light">
            {t(`priority.${task.priority}`)}
          </Badge>
          {task.overdue && <Badge color="red">{t("overdue")}</Badge>}
        </Group>
        {(task.actions.includes("edit") || task.canAddSubtask) && (
          <Group gap="xs" mt={4}>
            {task.actions.includes("edit") && (
              <Button
                component={Link}
                href={`/tasks/${task.id}/edit`}
                variant="light"
                leftSection={<IconPencil size={16} />}
                data-testid="task-edit"
              >
                {t("actions.edit")}
              </Button>
            )}
            {task.canAddSubtask && (
              <Button
                component={Link}
                href={`/tasks/new?parent=${task.id}`}
                variant="default"
                leftSection={<IconSubtask size={16} />}
                data-testid="task-new-subtask"
              >
                {t("newSubtask")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                <Field label={t("assigner")}>{task.assignerName}</Field>
                <Field label={t("lead")}>
                  {task.leadName ?? "—"}
                  {task.leadUnitName ? ` (${task.leadUnitName})` : ""}
                </Field>
                <Field label={t("startDate")}>{formatDate(task.startDate)}</Field>
                <Field label={t("deadline")}>
                  <Text
                    span
                    c={task.overdue ? "red" : undefined}
                    fw={task.overdue ? 700 : undefined}
                    size="sm"
                  >
                    {formatDate(task.deadline)}
                  </Text>
                </Field>
                <Field label={t("progress")}>
                  <Group gap={6} wrap="nowrap">
                    <Progress value={task.progress} w={80} aria-label={t("progress")} />
                    <span data-testid="task-progress">{task.progress}%</span>
                  </Group>
                </Field>
                {task.parentTitle && (
                  <Field label={t("parent")}>
                    <Anchor component={Link} href={`/tasks/${task.parentId}`} size="sm">
                      {task.parentTitle}
                    </Anchor>
                  </Field>
                )}
              </SimpleGrid>
              {task.description && (
                <Stack gap={4} mt="md">
                  <Text size="xs" c="dimmed">
                    {t("description")}
                  </Text>
                  <RichTextEditor
                    value={task.description}
                    editable={false}
                    label={t("description")}
                    minHeight={0}
                  />
                </Stack>
              )}
            </Card>
            <TaskActions task={task} />
            <TaskFiles task={task} />
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t("comments")}
              </Title>
              <Comments task={task} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t("people")}
              </Title>
              {task.people.map((p) => (
                <Text key={p.userId} size="sm">
                  {p.fullName}{" "}
                  <Text span c="dimmed" size="xs">
                    · {t(`role.${p.role}`)}
                  </Text>
                </Text>
              ))}
            </Card>
            {task.documents.length > 0 && (
              <Card withBorder data-testid="task-documents">
                <Title order={3} size="h5" mb="xs">
                  {t("documents")}
                </Title>
                {task.documents.map((d) =>
                  d.visible ? (
                    <Anchor
                      key={d.id}
                      component={Link}
                      href={`/documents/${d.id}`}
                      size="sm"
                      display="block"
                    >
                      {d.label} {d.subject}
                    </Anchor>
                  ) : (
                    <Text key={d.id} size="sm">
                      {d.label || t("documentHidden")}
                    </Text>
                  ),
                )}
              </Card>
            )}
            {task.subtasks.length > 0 && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  {t("subtasks")}
                </Title>
                {task.subtasks.map((s) => (
                  <Anchor
                    key={s.id}
                    component={Link}
                    href={`/tasks/${s.id}`}
                    size="sm"
                    display="block"
                  >
                    {s.title} · {t(`status.${s.status}`)}
                  </Anchor>
                ))}
              </Card>
            )}
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t("reports")}
              </Title>
              {task.reports.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t("noReports")}
                </Text>
              )}
              {task.reports.map((r) => (
                <Text key={r.id} size="sm" mb={4}>
                  {formatDateTime(r.createdAt)} · {r.authorName}: {r.percent}% ·{" "}
                  <Text span fw={600} size="sm">
                    {t(`decision.${r.status}`)}
                  </Text>
                  {r.decisionNote ? ` — ${r.decisionNote}` : ""}
                </Text>
              ))}
            </Card>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t("history")}
              </Title>
              <Timeline bulletSize={12} lineWidth={2} data-testid="task-history">
                {task.events.map((e) => (
                  <Timeline.Item
                    key={e.id}
                    title={t.has(`event.${e.action}`) ? t(`event.${e.action}`) : e.action}
                  >
                    <Text size="xs" c="dimmed">
                      {e.actorName} · {formatDateTime(e.createdAt)}
                    </Text>
                    <TaskEventDetails action={e.action} data={e.data} />
                    {e.note && (
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                        {e.note}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
