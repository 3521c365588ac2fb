"use client";

import { Button, EmptyState } from "@mantine/core";
import {
  IconArrowBackUp,
  IconChecklist,
  IconChecks,
  IconFileImport,
  IconFilterOff,
  IconHourglass,
  IconInbox,
  IconInfoCircle,
  IconProgress,
  IconSearch,
  IconSend,
} from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ComponentType } from "react";
import type { InboxFilter } from "@/lib/schemas/inbox";
import type { InboxTab } from "./inbox-tabs";

const icons: Record<InboxTab, ComponentType<{ size?: number }>> = {
  to_register: IconFileImport,
  to_present: IconSend,
  returned: IconArrowBackUp,
  at_leader: IconHourglass,
  in_progress: IconProgress,
  returned_to_sender: IconArrowBackUp,
  recalled: IconArrowBackUp,
  completed: IconChecks,
  to_direct: IconInbox,
  to_handle: IconInbox,
  to_review: IconChecklist,
  handled: IconChecks,
  info: IconInfoCircle,
};

/** Why a tab is empty and what to do next: receive a document, drop the filter, or search. */
export function InboxEmpty({
  tab,
  filter,
  canReceive,
  onClearFilter,
}: {
  tab: InboxTab;
  filter: InboxFilter | null;
  canReceive: boolean;
  onClearFilter: () => void;
}) {
  const t = useTranslations("inboxPage");
  const key = filter ? `filter_${filter}` : tab;
  const Icon = filter ? IconFilterOff : icons[tab];
  let action = null;
  if (filter) {
    action = (
      <Button variant="default" onClick={onClearFilter} data-testid="inbox-clear-filter">
        {t("clearFilter")}
      </Button>
    );
  } else if (tab === "to_register" && canReceive) {
    action = (
      <Button component={Link} href="/incoming/new" leftSection={<IconFileImport size={16} />}>
        {t("receive")}
      </Button>
    );
  } else if (tab !== "to_register") {
    action = (
      <Button
        variant="default"
        component={Link}
        href="/search"
        leftSection={<IconSearch size={16} />}
      >
        {t("openSearch")}
      </Button>
    );
  }
  return (
    <EmptyState
      icon={<Icon size={28} />}
      withIndicatorBackground
      title={t(`empty.${key}.title`)}
      description={t(`empty.${key}.description`)}
      data-testid="inbox-empty"
      py="xl"
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
