"use client";

import { Badge, Group } from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { lightBadgeText } from "@/components/inbox/document-badges";
import type { Confidentiality, Urgency } from "@/lib/documents";
import type { DocumentStatus } from "@/lib/schemas/search";
import { confidentialityColor, statusColor, urgencyStyle } from "./document-format";

/**
 * The badges heading a document's page, read at a glance: its status (in the body colour where a
 * tint's own colour falls under AA contrast), urgency and confidentiality.
 */
export function HeaderBadges({
  status,
  urgency,
  confidentiality,
}: {
  status: DocumentStatus;
  urgency: Urgency;
  confidentiality: Confidentiality;
}) {
  const t = useTranslations();
  const urgent = urgencyStyle[urgency];
  const secret = confidentialityColor[confidentiality];
  return (
    <Group gap={6} wrap="wrap">
      <Badge
        color={statusColor[status]}
        c={lightBadgeText(statusColor[status])}
        variant="light"
        size="lg"
        data-testid="doc-status"
      >
        {t(`documentStatus.${status}`)}
      </Badge>
      {urgent && (
        <Badge
          color={urgent.color}
          variant={urgent.variant}
          size="lg"
          leftSection={<IconAlertTriangle size={14} />}
          data-testid="doc-urgency"
        >
          {t(`urgency.${urgency}`)}
        </Badge>
      )}
      {secret && (
        <Badge
          color={secret}
          variant="filled"
          size="lg"
          leftSection={<IconLock size={14} />}
          data-testid="doc-confidentiality"
        >
          {t(`confidentiality.${confidentiality}`)}
        </Badge>
      )}
    </Group>
  );
}
