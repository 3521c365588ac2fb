"use client";

import { Button, Menu, Text } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { IconColumns3, IconRestore } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import {
  hiddenColumns,
  readColumnChoice,
  type ChoosableColumn,
  type ColumnChoice,
} from "./column-choice";

export type ColumnChoiceState = {
  hidden: ReadonlySet<string>;
  setShown: (key: string, shown: boolean) => void;
  reset: () => void;
};

/**
 * Which columns of a table the user shows, kept in this browser per table (`tableId`), so the
 * choice outlives a reload. Read after the first render: the server, which cannot know it,
 * renders the defaults, and hydration matches.
 */
export function useColumnChoice(
  tableId: string,
  columns: readonly ChoosableColumn[],
): ColumnChoiceState {
  const [choice, setChoice, removeChoice] = useLocalStorage<ColumnChoice>({
    key: `lien-thong:columns:${tableId}`,
    defaultValue: {},
    getInitialValueInEffect: true,
    serialize: JSON.stringify,
    deserialize: (stored) => readColumnChoice(stored),
  });
  return {
    hidden: hiddenColumns(columns, choice),
    setShown: (key, shown) => setChoice((current) => ({ ...current, [key]: shown })),
    reset: removeChoice,
  };
}

/**
 * The "Columns" button above a table on a computer: a checkbox per column, the fixed ones
 * ticked and greyed out. A phone shows every field in its cards, so it has no such button.
 */
export function ColumnsMenu({
  columns,
  choice,
  testId = "columns-menu",
}: {
  columns: readonly (ChoosableColumn & { header: string })[];
  choice: ColumnChoiceState;
  testId?: string;
}) {
  const t = useTranslations("dataTable");
  return (
    <Menu closeOnItemClick={false} position="bottom-end" shadow="md" width={280}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconColumns3 size={16} />}
          visibleFrom="sm"
          data-testid={testId}
        >
          {t("columns")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid={`${testId}-dropdown`}>
        <Menu.Label>{t("columnsHint")}</Menu.Label>
        {columns.map((column) => (
          <Menu.CheckboxItem
            key={column.key}
            checked={!choice.hidden.has(column.key)}
            disabled={column.fixed}
            onChange={(checked) => choice.setShown(column.key, checked)}
            rightSection={
              column.fixed ? (
                <Text size="xs" c="dimmed">
                  {t("alwaysShown")}
                </Text>
              ) : undefined
            }
          >
            {column.header}
          </Menu.CheckboxItem>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconRestore size={16} />} onClick={choice.reset}>
          {t("defaultColumns")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
