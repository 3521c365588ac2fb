"use client";

import { ActionIcon, Badge, Group, Paper, Select, Stack } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { approvalStepKinds, type ApprovalStepKind } from "@/lib/outgoing";

/**
 * One step of a route being put together, in the route builder and in a route template: its
 * number, its kind, buttons to move it up or down or drop it, and below them whatever says who
 * decides there (`children`).
 */
export function RouteStepCard({
  index,
  count,
  kind,
  kindError,
  onKind,
  onMove,
  onRemove,
  testId,
  children,
}: {
  index: number;
  count: number;
  kind: ApprovalStepKind;
  kindError?: ReactNode;
  onKind: (kind: ApprovalStepKind) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Prefix of the step's test ids, its number appended: `route-edit-step` → `route-edit-step-1`. */
  testId: string;
  children: ReactNode;
}) {
  const t = useTranslations("outgoingPage");
  const position = index + 1;
  return (
    <Paper withBorder p="sm" data-testid={`${testId}-${position}`} data-kind={kind}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <Badge variant="filled" circle size="lg">
              {position}
            </Badge>
            <Select
              aria-label={t("stepKindLabel", { position })}
              data={approvalStepKinds.map((k) => ({ value: k, label: t(`stepKind.${k}`) }))}
              value={kind}
              error={kindError}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 1, minWidth: 0 }}
              data-testid={`${testId}-${position}-kind`}
              onChange={(value) => value && onKind(value as ApprovalStepKind)}
            />
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === 0}
              aria-label={t("stepUp", { position })}
              onClick={() => onMove(index - 1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === count - 1}
              aria-label={t("stepDown", { position })}
              onClick={() => onMove(index + 1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={count === 1}
              aria-label={t("stepRemove", { position })}
              onClick={onRemove}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
