"use client";

import { Alert, Anchor, Button, Group, List, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconDeviceMobileMessage } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { ActionDialog } from "@/components/documents/action-dialog";

export type BatchOutcome = {
  id: string;
  /** What the item is called (a document's subject) and where it opens. */
  label: string;
  href: string;
  /** Done; waiting on something else (a signature to approve on a phone); or refused. */
  state: "done" | "waiting" | "refused";
  /** What was done (the number given) or why not, in the reader's language. */
  note?: string;
};

const icons = {
  done: <IconCircleCheck size={18} color="var(--mantine-color-green-7)" />,
  waiting: <IconDeviceMobileMessage size={18} color="var(--mantine-color-blue-7)" />,
  refused: <IconCircleX size={18} color="var(--mantine-color-red-7)" />,
};
const noteColor = { done: "dimmed", waiting: "blue.8", refused: "red.8" };

/**
 * What became of each item of an action taken on several at once (signing, registering): a
 * summary, then each item with what was done or why not, linked to its page.
 */
export function BatchResults({
  title,
  summary,
  outcomes,
  onClose,
}: {
  title: string;
  summary: string;
  outcomes: BatchOutcome[];
  onClose: () => void;
}) {
  const t = useTranslations("common");
  const complete = outcomes.every((o) => o.state === "done");
  return (
    <ActionDialog title={title} onClose={onClose} size="lg">
      <Stack gap="sm" data-testid="batch-results">
        <Alert color={complete ? "green" : "orange"} variant="light" data-testid="batch-summary">
          {summary}
        </Alert>
        <List spacing="xs" listStyleType="none">
          {outcomes.map((o) => (
            <List.Item
              key={o.id}
              data-testid="batch-result"
              data-ok={o.state !== "refused"}
              icon={icons[o.state]}
            >
              <Anchor component={Link} href={o.href} size="sm" style={{ overflowWrap: "anywhere" }}>
                {o.label}
              </Anchor>
              {o.note && (
                <Text size="xs" c={noteColor[o.state]}>
                  {o.note}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="batch-close">
            {t("close")}
          </Button>
        </Group>
      </Stack>
    </ActionDialog>
  );
}
