"use client";

import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";

/** How many documents wait to be handled, beside "Hộp văn bản"; red when one is overdue. */
export function InboxNavBadge() {
  const t = useTranslations("incomingNav");
  const trpc = useTRPC();
  const counters = useQuery(
    trpc.inbox.counters.queryOptions(undefined, { refetchInterval: 120_000 }),
  ).data;
  const count = counters ? counters.toHandle + (counters.leader?.toDirect ?? 0) : 0;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color={counters && counters.overdue > 0 ? "red" : undefined}
      aria-label={t("toHandleBadge", { count })}
      data-testid="nav-inbox-count"
    >
      {count}
    </Badge>
  );
}
