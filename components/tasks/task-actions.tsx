"use client";

import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { DateField } from "@/components/ui/date-field";
import type { TaskDetail } from "@/server/tasks/detail";
import { TaskReasonDialog } from "./task-reason-dialog";
import { useStaff } from "./use-staff";
import { useTaskAction } from "./use-task-action";

type Reasoned = "cancel" | "reopen" | "returnReport" | "refuseExtension";

/** The actions the person may take on the task now, each a button or a short form. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const t = useTranslations("tasksUi");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const act = useTaskAction({ setErrors });
  const staff = useStaff();
  const [reasoned, setReasoned] = useState<Reasoned | null>(null);
  const [percent, setPercent] = useState<number | string>(Math.min(100, task.progress + 10));
  const [note, setNote] = useState("");
  const [newDeadline, setNewDeadline] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [handTo, setHandTo] = useState<string | null>(null);
  const can = (a: TaskDetail["actions"][number]) => task.actions.includes(a);
  const send = (input: Parameters<typeof act.mutate>[0]["input"], after?: () => void) =>
    act.mutate({ taskId: task.id, version: task.version, input }, { onSuccess: after });

  return (
    <Stack gap="sm" data-testid="task-actions">
      <Group gap="xs">
        {can("start") && (
          <Button
            onClick={() => send({ action: "start" })}
            loading={act.isPending}
            data-testid="task-start"
          >
            {t("actions.start")}
          </Button>
        )}
        {can("complete") && (
          <Button
            color="green"
            variant="light"
            onClick={() => send({ action: "complete" })}
            data-testid="task-complete"
          >
            {t("actions.complete")}
          </Button>
        )}
        {can("cancel") && (
          <Button color="red" variant="subtle" onClick={() => setReasoned("cancel")}>
            {t("actions.cancel")}
          </Button>
        )}
        {can("reopen") && (
          <Button variant="light" onClick={() => setReasoned("reopen")}>
            {t("actions.reopen")}
          </Button>
        )}
      </Group>

      {can("decideReport") && task.pendingReport && (
        <Paper withBorder p="sm" bg="grape.0" data-testid="pending-report">
          <Text fw={600}>
            {t("reportWaiting", {
              name: task.pendingReport.authorName,
              percent: task.pendingReport.percent,
            })}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {task.pendingReport.note}
          </Text>
          <Group mt="xs" gap="xs">
            <Button
              color="green"
              onClick={() =>
                send({ action: "decideReport", reportId: task.pendingReport!.id, approve: true })
              }
              loading={act.isPending}
              data-testid="approve-report"
            >
              {t("approve")}
            </Button>
            <Button variant="default" onClick={() => setReasoned("returnReport")}>
              {t("sendBack")}
            </Button>
          </Group>
        </Paper>
      )}

      {can("decideExtension") && task.pendingExtension && (
        <Paper withBorder p="sm" bg="orange.0" data-testid="pending-extension">
          <Text fw={600}>
            {t("extensionWaiting", {
              name: task.pendingExtension.requestedByName,
              deadline: formatDate(task.pendingExtension.requestedDeadline),
            })}
          </Text>
          <Text size="sm">{task.pendingExtension.reason}</Text>
          <Group mt="xs" gap="xs">
            <Button
              color="green"
              onClick={() =>
                send({
                  action: "decideExtension",
                  extensionId: task.pendingExtension!.id,
                  approve: true,
                })
              }
            >
              {t("approve")}
            </Button>
            <Button variant="default" onClick={() => setReasoned("refuseExtension")}>
              {t("refuse")}
            </Button>
          </Group>
        </Paper>
      )}

      {can("handOver") && (
        <Paper withBorder p="sm">
          <Title order={4} size="h5" mb="xs">
            {t("actions.handOver")}
          </Title>
          <Group align="flex-end" gap="xs">
            <Select
              label={t("lead")}
              data={staff.people.filter((p) => p.unitId === task.leadUnitId)}
              value={handTo}
              onChange={setHandTo}
              error={errors.userId}
              searchable
              w={{ base: "100%", sm: 280 }}
            />
            <Button
              disabled={!handTo}
              onClick={() => handTo && send({ action: "handOver", userId: handTo })}
            >
              {t("actions.handOver")}
            </Button>
          </Group>
        </Paper>
      )}

      {can("reportProgress") && (
        <Paper withBorder p="sm" data-testid="report-form">
          <Title order={4} size="h5" mb="xs">
            {t("actions.reportProgress")}
          </Title>
          <Stack gap="xs">
            <NumberInput
              label={t("percent")}
              min={0}
              max={100}
              clampBehavior="strict"
              suffix="%"
              value={percent}
              onChange={setPercent}
              error={errors["input.percent"]}
              w={140}
              data-testid="report-percent"
            />
            <Textarea
              label={t("reportNote")}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors["input.note"]}
              data-testid="report-note"
            />
            <Group justify="flex-end">
              <Button
                loading={act.isPending}
                disabled={!note.trim()}
                onClick={() =>
                  send({ action: "reportProgress", percent: Number(percent) || 0, note }, () =>
                    setNote(""),
                  )
                }
                data-testid="report-submit"
              >
                {t("sendReport")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {can("requestExtension") && (
        <Paper withBorder p="sm">
          <Title order={4} size="h5" mb="xs">
            {t("actions.requestExtension")}
          </Title>
          <Stack gap="xs">
            <DateField
              label={t("newDeadline")}
              value={newDeadline}
              onChange={setNewDeadline}
              error={errors["input.deadline"] ?? errors.deadline}
              w={{ base: "100%", sm: 200 }}
            />
            <Textarea
              label={t("reason")}
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors["input.reason"]}
            />
            <Group justify="flex-end">
              <Button
                variant="light"
                disabled={!newDeadline || !reason.trim()}
                onClick={() =>
                  newDeadline &&
                  send({ action: "requestExtension", deadline: newDeadline, reason }, () =>
                    setReason(""),
                  )
                }
              >
                {t("askExtension")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <TaskReasonDialog
        opened={reasoned !== null}
        title={reasoned ? t(`reasonTitle.${reasoned}`) : ""}
        required
        busy={act.isPending}
        onClose={() => setReasoned(null)}
        onSubmit={(text) => {
          if (reasoned === "cancel") send({ action: "cancel", reason: text });
          if (reasoned === "reopen") send({ action: "reopen", reason: text });
          if (reasoned === "returnReport" && task.pendingReport)
            send({
              action: "decideReport",
              reportId: task.pendingReport.id,
              approve: false,
              note: text,
            });
          if (reasoned === "refuseExtension" && task.pendingExtension)
            send({
              action: "decideExtension",
              extensionId: task.pendingExtension.id,
              approve: false,
              note: text,
            });
          setReasoned(null);
        }}
      />
    </Stack>
  );
}
