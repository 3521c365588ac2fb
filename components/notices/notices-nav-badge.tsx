"use client";

import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";

/** How many notices this person has still to open or confirm, beside "Thông báo". */
export function NoticesNavBadge() {
  const t = useTranslations("nav");
  const trpc = useTRPC();
  const count =
    useQuery(trpc.notices.pendingCount.queryOptions(undefined, { refetchInterval: 120_000 }))
      .data ?? 0;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color="orange"
      aria-label={t("noticesBadge", { count })}
      data-testid="nav-notices-count"
    >
      {count}
    </Badge>
  );
}
