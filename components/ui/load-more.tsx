"use client";

import { Button, Group, Text } from "@mantine/core";
import { useTranslations } from "next-intl";

/** What an infinite query gives the foot of its list. */
export type PagedList = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * The foot of a list read a page at a time: how many are shown, and the button for the next
 * page while there is one. `testId` names both: `<testId>-shown` and `<testId>-load-more`.
 */
export function LoadMore({
  shown,
  list,
  testId,
}: {
  /** "Showing 30 documents", in the list's own words. */
  shown: string;
  list: PagedList;
  testId: string;
}) {
  const t = useTranslations("common");
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid={`${testId}-shown`}>
        {shown}
      </Text>
      {list.hasNextPage && (
        <Button
          variant="default"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          data-testid={`${testId}-load-more`}
        >
          {t("loadMore")}
        </Button>
      )}
    </Group>
  );
}
