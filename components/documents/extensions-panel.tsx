"use client";

import { Badge, Card, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import { formatDate, formatDateTime } from "./document-format";
import type { AssignmentView, ExtensionView } from "./document-types";

const statusColor = {
  pending: "yellow",
  approved: "green",
  refused: "red",
  lapsed: "gray",
} as const;

/** Every request for more time on this document and what became of it. */
export function ExtensionsPanel({
  extensions,
  assignments,
}: {
  extensions: ExtensionView[];
  assignments: AssignmentView[];
}) {
  const t = useTranslations("documentPage");
  if (extensions.length === 0) return null;
  const nameOf = (id: string) => {
    const a = assignments.find((x) => x.id === id);
    return a ? (a.unitName ?? a.userName ?? "") : "";
  };
  return (
    <Card withBorder padding="md" data-testid="extensions-panel">
      <Title order={4} mb="sm">
        {t("extensionsTitle")}
      </Title>
      <Stack gap="xs">
        {extensions.map((e) => (
          <Paper key={e.id} withBorder p="sm" radius="md" data-testid="extension">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600}>
                  {t("extensionLine", {
                    part: nameOf(e.assignmentId),
                    from: e.currentDeadline ? formatDate(e.currentDeadline) : t("noDeadline"),
                    to: formatDate(e.requestedDeadline),
                  })}
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  color={statusColor[e.status]}
                  style={{ flexShrink: 0 }}
                >
                  {t(`extensionStatus.${e.status}`)}
                </Badge>
              </Group>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {e.reason}
              </Text>
              <Text size="xs" c="dimmed">
                {t("requestedByOn", {
                  name: e.requestedBy,
                  at: formatDateTime(e.createdAt),
                })}
              </Text>
              {e.decidedBy && e.decidedAt && (
                <Text size="xs" c="dimmed">
                  {t("decidedByOn", { name: e.decidedBy, at: formatDateTime(e.decidedAt) })}
                  {e.decisionNote && `: ${e.decisionNote}`}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}
