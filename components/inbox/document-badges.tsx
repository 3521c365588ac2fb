"use client";

import { Badge, Stack, Text, type MantineColor } from "@mantine/core";
import { useTranslations } from "next-intl";
import {
  deadlineTone,
  formatDate,
  statusColor,
  toneColor,
  urgencyStyle,
} from "@/components/documents/document-format";
import type { Urgency } from "@/lib/documents";
import type { DocumentStatus } from "@/lib/schemas/search";

/** Hỏa tốc, Thượng khẩn, Khẩn; a normal document shows nothing, so the urgent ones stand out. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const t = useTranslations("urgency");
  const style = urgencyStyle[urgency];
  if (!style) return null;
  return (
    <Badge color={style.color} variant={style.variant} size="sm" miw="max-content">
      {t(urgency)}
    </Badge>
  );
}

/**
 * The text colour of a light badge: orange, green, red and yellow text on their own pale tint
 * stay under WCAG AA's 4.5:1, so those badges write in the body colour on the tint.
 */
export function lightBadgeText(color: MantineColor): string | undefined {
  return ["orange", "green", "red", "yellow"].includes(color)
    ? "var(--mantine-color-text)"
    : undefined;
}

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useTranslations("documentStatus");
  return (
    <Badge
      color={statusColor[status]}
      c={lightBadgeText(statusColor[status])}
      variant="light"
      size="sm"
      miw="max-content"
      tt="none"
    >
      {t(status)}
    </Badge>
  );
}

/**
 * A deadline in dd/MM/yyyy, red once past and orange within three days while the work is
 * open, with the words too: colour alone does not reach everyone.
 */
export function DeadlineText({
  deadline,
  open,
  size = "sm",
}: {
  deadline: string | null;
  open: boolean;
  size?: "xs" | "sm";
}) {
  const t = useTranslations("inboxPage");
  if (!deadline) {
    return (
      <Text size={size} c="dimmed">
        {t("noDeadline")}
      </Text>
    );
  }
  const tone = deadlineTone(deadline, open);
  const color: MantineColor | undefined = toneColor[tone];
  return (
    <Stack gap={0}>
      <Text size={size} c={color} fw={tone === "normal" ? undefined : 600} miw="max-content">
        {formatDate(deadline)}
      </Text>
      {tone !== "normal" && (
        <Text size="xs" c={color}>
          {t(tone === "overdue" ? "overdue" : "dueSoon")}
        </Text>
      )}
    </Stack>
  );
}

const urgentColor: Record<Urgency, string | null> = {
  normal: null,
  urgent: "orange",
  very_urgent: "orange",
  flash: "red",
};

/** The pale background that marks an urgent row or card, light enough for its badge to read. */
export function urgentBackground(urgency: Urgency): string | undefined {
  const color = urgentColor[urgency];
  return color ? `var(--mantine-color-${color}-0)` : undefined;
}

/** A coloured edge on the left of an urgent row or card (`inset 4px 0 0` as a box-shadow). */
export function urgentEdge(urgency: Urgency, shadow: string) {
  const color = urgentColor[urgency];
  return color ? { boxShadow: `${shadow} var(--mantine-color-${color}-6)` } : undefined;
}
