"use client";

import { Alert, EmptyState, Group, Loader } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * What an admin list shows before its rows: a spinner while it loads, the reason when it could
 * not load, and an empty state with the way to add the first one. Null once there are rows.
 */
export function ListStates({
  query,
  count,
  loadError,
  empty,
}: {
  query: { isPending: boolean; isError: boolean };
  /** How many rows there are once loaded. */
  count: number;
  loadError: string;
  empty: { icon: ReactNode; title: string; description: string; testId: string; action: ReactNode };
}): ReactNode {
  const t = useTranslations("common");
  if (query.isPending) {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t("loading")} />
      </Group>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light">
        {loadError}
      </Alert>
    );
  }
  if (count > 0) return null;
  return (
    <EmptyState
      icon={empty.icon}
      withIndicatorBackground
      title={empty.title}
      description={empty.description}
      data-testid={empty.testId}
      py="xl"
    >
      <EmptyState.Actions>{empty.action}</EmptyState.Actions>
    </EmptyState>
  );
}
