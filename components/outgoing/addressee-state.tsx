"use client";

import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowRight } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { PeerBadge } from "./organisation-options";
import type { RecipientState } from "./recipient-types";

/** Marks an addressee that merged or closed, or that lives on a peer deployment. */
export function StateBadges({ state }: { state: RecipientState | undefined }) {
  const t = useTranslations("recipientGroups");
  if (!state) return null;
  if (state.status === "active") return state.peer ? <PeerBadge /> : null;
  return (
    <Badge
      size="sm"
      variant="light"
      tt="none"
      color={state.successor ? "orange" : "red"}
      data-testid="addressee-state"
    >
      {t(state.status === "merged" ? "mergedBadge" : "closedBadge")}
    </Badge>
  );
}

/**
 * What will become of the document: sent to the organisation that took a merged one over (which
 * the user may name instead), or not delivered at all to one that closed.
 */
export function StateWarning({
  state,
  name,
  onReplace,
}: {
  state: RecipientState | undefined;
  name: string;
  onReplace?: (successor: { id: string; name: string }) => void;
}) {
  const t = useTranslations("recipientGroups");
  if (!state || state.status === "active") return null;
  const successor = state.successor;
  return (
    <Stack gap={4} data-testid="addressee-warning">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconAlertTriangle
          size={16}
          aria-hidden
          color={`var(--mantine-color-${successor ? "orange" : "red"}-8)`}
          style={{ flexShrink: 0, marginTop: 2 }}
        />
        <Text size="sm" c={successor ? undefined : "red.9"}>
          {successor ? t("merged", { name, successor: successor.name }) : t("closed", { name })}
        </Text>
      </Group>
      {successor && onReplace && (
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconArrowRight size={14} />}
          onClick={() => onReplace(successor)}
          h="auto"
          py={4}
          styles={{ label: { whiteSpace: "normal", textAlign: "left" } }}
          style={{ alignSelf: "flex-start", maxWidth: "100%" }}
          data-testid="replace-with-successor"
        >
          {t("replaceWith", { name: successor.name })}
        </Button>
      )}
    </Stack>
  );
}
