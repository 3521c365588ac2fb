"use client";

import { ActionIcon, Group, Paper, Stack, Text } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";

/**
 * An ordered list of chosen organisations (a draft's addressees, a group's members), or what
 * to say when there is none yet.
 */
export function NumberedList({
  empty,
  emptyTestId,
  children,
}: {
  empty: string;
  emptyTestId: string;
  children: ReactNode[];
}) {
  if (children.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={emptyTestId}>
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: "none" }}>
      {children}
    </Stack>
  );
}

/** One entry of a `NumberedList`: its number, what is said of it, and a button to take it out. */
export function NumberedItem({
  index,
  onRemove,
  removeLabel,
  removeTestId,
  testId,
  state,
  children,
}: {
  index: number;
  onRemove: () => void;
  removeLabel: string;
  removeTestId?: string;
  testId: string;
  /** For tests and styles: the state of the organisation (closed, merged...). */
  state?: string;
  children: ReactNode;
}) {
  return (
    <Paper component="li" withBorder px="sm" py={6} data-testid={testId} data-state={state}>
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }}>
          {index + 1}.
        </Text>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          {children}
        </Stack>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="xl"
          onClick={onRemove}
          aria-label={removeLabel}
          data-testid={removeTestId}
        >
          <IconX size={20} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}
