"use client";

import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";

/**
 * How many outgoing documents wait for this person (to sign, review, issue, or sent back to
 * them), beside "Văn bản đi"; orange when one was sent back.
 */
export function OutgoingNavBadge() {
  const t = useTranslations("nav");
  const trpc = useTRPC();
  const counters = useQuery(
    trpc.inbox.counters.queryOptions(undefined, { refetchInterval: 120_000 }),
  ).data;
  const boxes = counters?.outgoing;
  const count = boxes
    ? boxes.to_sign + boxes.draft_review + boxes.to_issue + boxes.draft_returned
    : 0;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color={boxes && boxes.draft_returned > 0 ? "orange" : undefined}
      aria-label={t("outgoingBadge", { count })}
      data-testid="nav-outgoing-count"
    >
      {count}
    </Badge>
  );
}
