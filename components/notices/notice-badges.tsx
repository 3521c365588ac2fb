"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";

/** Where a reader stands with a notice: not opened, still to confirm, confirmed, read. */
export function ReaderBadge({
  readAt,
  confirmedAt,
  requiresConfirmation,
}: {
  readAt: Date | string | null;
  confirmedAt: Date | string | null;
  requiresConfirmation: boolean;
}) {
  const t = useTranslations("notices");
  if (requiresConfirmation && !confirmedAt) {
    return (
      <Badge color="orange" variant="filled" data-testid="notice-needs-confirmation">
        {t("needsConfirmation")}
      </Badge>
    );
  }
  if (!readAt) {
    return (
      <Badge color="blue" variant="filled" data-testid="notice-unread">
        {t("unread")}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light">
      {confirmedAt ? t("confirmed") : t("read")}
    </Badge>
  );
}

const statusColor = { draft: "gray", published: "green", withdrawn: "red" } as const;

export function NoticeStatusBadge({ status }: { status: keyof typeof statusColor }) {
  const t = useTranslations("notices.status");
  return (
    <Badge color={statusColor[status]} variant="light" data-testid="notice-status">
      {t(status)}
    </Badge>
  );
}
