"use client";

import {
  Badge,
  Box,
  Button,
  Card,
  Collapse,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuilding, IconUser } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { deadlineTone, formatDate, toneColor } from "./document-format";
import type { AssignmentView } from "./document-types";

const roleOrder = { lead: 0, co: 1, info: 2 } as const;
const statusColor: Record<AssignmentView["status"], string> = {
  pending: "gray",
  in_progress: "blue",
  submitted: "violet",
  completed: "green",
  returned: "orange",
  read: "teal",
  withdrawn: "gray",
  closed: "gray",
};
const isOpen = (a: AssignmentView) => a.status === "pending" || a.status === "in_progress";

function StatusBadge({ a }: { a: AssignmentView }) {
  const t = useTranslations("documentPage");
  const key = a.role === "info" && a.status === "pending" ? "unread" : a.status;
  return (
    <Badge size="sm" variant="light" color={statusColor[a.status]} style={{ flexShrink: 0 }}>
      {t(`assignmentStatus.${key}`)}
    </Badge>
  );
}

function Deadline({ a }: { a: AssignmentView }) {
  const t = useTranslations("documentPage");
  if (!a.deadline) return null;
  const tone = deadlineTone(a.deadline, isOpen(a));
  return (
    <Text size="xs" c={toneColor[tone] ?? "dimmed"} fw={tone === "normal" ? undefined : 600}>
      {t("deadlineOn", { deadline: formatDate(a.deadline) })}
      {tone !== "normal" && ` · ${t(`tone.${tone}`)}`}
    </Text>
  );
}

function Outcome({ a }: { a: AssignmentView }) {
  const t = useTranslations("documentPage");
  if (!a.result) return null;
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      <Text span size="sm" c="dimmed">
        {t(a.status === "returned" ? "returnReasonLabel" : "resultLabel")}:{" "}
      </Text>
      {a.result}
    </Text>
  );
}

function Part({ a, subs, me }: { a: AssignmentView; subs: AssignmentView[]; me: string }) {
  const t = useTranslations("documentPage");
  const Icon = a.unitId ? IconBuilding : IconUser;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      opacity={a.status === "withdrawn" ? 0.6 : 1}
      data-testid="assignment"
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }} align="flex-start">
            <Icon size={18} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text fw={600} size="sm">
              {a.unitName ?? a.userName}
              {a.userId === me && ` (${t("you")})`}
            </Text>
          </Group>
          <StatusBadge a={a} />
        </Group>
        <Deadline a={a} />
        <Outcome a={a} />
        {subs.length > 0 && (
          <Stack
            gap={6}
            mt={4}
            pl="sm"
            style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}
          >
            {subs.map((c) => (
              <Stack key={c.id} gap={2} data-testid="sub-assignment">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconUser size={16} style={{ flexShrink: 0 }} />
                    <Text size="sm">
                      {c.userName}
                      {c.userId === me && ` (${t("you")})`}
                    </Text>
                  </Group>
                  <StatusBadge a={c} />
                </Group>
                <Deadline a={c} />
                <Outcome a={c} />
              </Stack>
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t("assignedBy", { name: a.assignedBy })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Who holds which part of the document, so everyone on it can see who to ask. */
export function AssignmentsPanel({
  assignments,
  currentUserId,
}: {
  assignments: AssignmentView[];
  currentUserId: string;
}) {
  const t = useTranslations("documentPage");
  const [showOld, { toggle }] = useDisclosure(false);
  const top = assignments
    .filter((a) => !a.parentId)
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  const childrenOf = (id: string) => assignments.filter((a) => a.parentId === id);
  const current = top.filter((a) => a.status !== "withdrawn");
  const old = top.filter((a) => a.status === "withdrawn");
  const roles = (["lead", "co", "info"] as const).filter((r) => current.some((a) => a.role === r));

  return (
    <Card withBorder padding="md" data-testid="assignments-panel">
      <Title order={4} mb="sm">
        {t("assignmentsTitle")}
      </Title>
      {current.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="assignments-empty">
          {t("assignmentsEmpty")}
        </Text>
      ) : (
        <Stack gap="md">
          {roles.map((role) => (
            <Stack key={role} gap={6}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {t(`roleGroup.${role}`)}
              </Text>
              {current
                .filter((a) => a.role === role)
                .map((a) => (
                  <Part key={a.id} a={a} subs={childrenOf(a.id)} me={currentUserId} />
                ))}
            </Stack>
          ))}
        </Stack>
      )}
      {old.length > 0 && (
        <Box mt="sm">
          <Button variant="subtle" size="compact-xs" onClick={toggle}>
            {t(showOld ? "hideWithdrawn" : "showWithdrawn", { count: old.length })}
          </Button>
          <Collapse expanded={showOld}>
            <Stack gap={6} mt="xs">
              {old.map((a) => (
                <Part key={a.id} a={a} subs={childrenOf(a.id)} me={currentUserId} />
              ))}
            </Stack>
          </Collapse>
        </Box>
      )}
    </Card>
  );
}
