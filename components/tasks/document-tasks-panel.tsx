"use client";

import {
  ActionIcon,
  Anchor,
  Badge,
  Blockquote,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChecklist, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { DateField } from "@/components/ui/date-field";
import { fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import { taskStatusColor } from "./task-format";
import { useStaff } from "./use-staff";

type Row = {
  title: string;
  lead: string | null;
  startDate: string | null;
  deadline: string | null;
};

/** The leader's form: the direction's text above, one row per task, prefilled from the document. */
function FromDirectionModal({
  documentId,
  prefill,
  onClose,
}: {
  documentId: string;
  prefill: { subject: string; direction: string | null; deadline: string | null; today: string };
  onClose: () => void;
}) {
  const t = useTranslations("directionTasks");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const blank = (): Row => ({
    title: prefill.subject.slice(0, 500),
    lead: null,
    startDate: prefill.today,
    deadline: prefill.deadline,
  });
  const [rows, setRows] = useState<Row[]>([blank()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.tasks.fromDirection.mutationOptions({
      onSuccess: ({ ids }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        notifications.show({ color: "green", message: t("created", { count: ids.length }) });
        onClose();
      },
      onError: (e) => {
        setErrors(fieldErrorsOf(e));
        showServerError(e, tAll("errors.internal"));
      },
    }),
  );
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () => {
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.title.trim()) found[`tasks.${i}.title`] = tAll("validation.required");
      if (!r.lead) found[`tasks.${i}.lead`] = tAll("validation.required");
      if (!r.deadline) found[`tasks.${i}.deadline`] = tAll("validation.required");
      if (!r.startDate) found[`tasks.${i}.startDate`] = tAll("validation.required");
    });
    setErrors(found);
    if (Object.keys(found).length > 0 || create.isPending) return;
    create.mutate({
      documentId,
      tasks: rows.map((r) => ({
        title: r.title,
        lead: { userId: r.lead! },
        startDate: r.startDate!,
        deadline: r.deadline!,
      })),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t("title")} size="lg" fullScreen={false}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="direction-tasks-form"
      >
        <Stack gap="sm">
          {prefill.direction && (
            <Blockquote p="xs" color="indigo" cite={t("direction")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {prefill.direction}
              </Text>
            </Blockquote>
          )}
          {rows.map((r, i) => (
            <Paper key={i} withBorder p="sm" data-testid="direction-task-row">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <TextInput
                  label={t("taskTitle")}
                  required
                  value={r.title}
                  onChange={(e) => set(i, { title: e.currentTarget.value })}
                  error={errors[`tasks.${i}.title`]}
                  maxLength={500}
                  style={{ flex: 1 }}
                  data-testid="direction-task-title"
                />
                {rows.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    aria-label={t("remove")}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                <Select
                  label={t("lead")}
                  required
                  searchable
                  data={staff.groups}
                  value={r.lead}
                  onChange={(v) => set(i, { lead: v })}
                  error={errors[`tasks.${i}.lead`]}
                  data-testid="direction-task-lead"
                />
                <DateField
                  label={t("startDate")}
                  value={r.startDate}
                  onChange={(v) => set(i, { startDate: v })}
                  error={errors[`tasks.${i}.startDate`]}
                />
                <DateField
                  label={t("deadline")}
                  required
                  value={r.deadline}
                  onChange={(v) => set(i, { deadline: v })}
                  error={errors[`tasks.${i}.deadline`]}
                  data-testid="direction-task-deadline"
                />
              </SimpleGrid>
            </Paper>
          ))}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRows((rs) => [...rs, { ...blank(), title: "" }])}
              disabled={rows.length >= 10}
              data-testid="direction-task-add"
            >
              {t("add")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="direction-tasks-submit">
              {t("submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * On an incoming document's page: the tasks made from it, and for the leader who directs it the
 * button that turns the direction into tasks in one step.
 */
export function DocumentTasksPanel({
  documentId,
  canDirect,
}: {
  documentId: string;
  canDirect: boolean;
}) {
  const t = useTranslations("directionTasks");
  const tUi = useTranslations("tasksUi");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const tasks = useQuery({ ...trpc.tasks.ofDocument.queryOptions({ documentId }), retry: false });
  const prefill = useQuery({
    ...trpc.tasks.directionPrefill.queryOptions({ documentId }),
    enabled: canDirect,
    retry: false,
  });
  const allowed = prefill.data?.allowed ?? false;
  const list = tasks.data ?? [];
  if (!allowed && list.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="document-tasks">
      <Title order={4} mb="sm">
        {t("section")}
      </Title>
      <Stack gap="xs">
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("none")}
          </Text>
        )}
        {list.map((task) => (
          <Group key={task.id} justify="space-between" wrap="nowrap" data-testid="document-task">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} href={`/tasks/${task.id}`} size="sm" fw={600}>
                {task.title}
              </Anchor>
              <Text size="xs" c={task.overdue ? "red" : "dimmed"}>
                {task.leadName} · {formatDate(task.deadline)} · {task.progress}%
              </Text>
            </Stack>
            <Badge color={taskStatusColor[task.status]} size="sm">
              {tUi(`status.${task.status}`)}
            </Badge>
          </Group>
        ))}
        {allowed && prefill.data && (
          <Button
            variant="light"
            leftSection={<IconChecklist size={16} />}
            onClick={() => setOpen(true)}
            data-testid="action-tasks-from-direction"
          >
            {t("open")}
          </Button>
        )}
      </Stack>
      {open && prefill.data && (
        <FromDirectionModal
          documentId={documentId}
          prefill={prefill.data}
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}
