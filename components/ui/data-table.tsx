"use client";

import { Table, type MantineFontSize } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ChoosableColumn } from "./column-choice";
import classes from "./data-table.module.css";

export type DataColumn<Row> = ChoosableColumn & {
  key: string;
  /** The column's heading, and the name it goes by in the Columns menu. */
  header: string;
  /** A shorter label for the phone card, where a long heading would take several lines. */
  cardLabel?: string;
  render: (row: Row) => ReactNode;
  align?: "left" | "center" | "right";
  /** Short values that read badly broken over lines: dates, numbers, codes. */
  nowrap?: boolean;
  /** A floor for the column on a computer, so a name is not squeezed into a sliver. */
  minWidth?: number;
  /**
   * On the phone card: `title` heads it (with its label when `titleLabel` is set), `wide` puts
   * a long value under its label across the card, `hidden` leaves it out (e.g. a column kept
   * for the printed book only).
   */
  card?: "title" | "wide" | "hidden";
  titleLabel?: boolean;
  testId?: string;
};

/** A last row that sums the others up (totals), with a cell per column key. */
export type DataTableFooter = { cells: Record<string, ReactNode>; testId?: string };

/**
 * The one table for lists of records. On a computer a table whose cells wrap, so it fits the
 * page instead of scrolling sideways, without the columns the user chose to hide; on a phone
 * each row a card of "label: value" lines with every field, and its actions as buttons in
 * plain sight. Both come from the same markup switched by CSS (see data-table.module.css), so
 * the server renders the right one and a row's test ids and accessible names exist once. The
 * table's roles are spelt out because some browsers drop them from cells that CSS turns into
 * blocks.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  hidden = new Set(),
  actions,
  footer,
  label,
  testId,
  rowTestId,
  rowDimmed,
  bordered = false,
  fz,
}: {
  columns: DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Keys of the columns left out on a computer (see useColumnChoice). */
  hidden?: ReadonlySet<string>;
  /** The row's buttons (RowAction), in the last column and at the foot of its card. */
  actions?: (row: Row) => ReactNode;
  footer?: DataTableFooter;
  /** What the table lists, for screen readers. */
  label: string;
  testId?: string;
  rowTestId?: (row: Row) => string;
  rowDimmed?: (row: Row) => boolean;
  /** Ruled like a paper register: a border around and between columns. */
  bordered?: boolean;
  fz?: MantineFontSize;
}) {
  const t = useTranslations("common");
  const cellProps = (column: DataColumn<Row>) => ({
    "data-hidden": hidden.has(column.key) || undefined,
    "data-align": column.align,
  });
  const cell = (column: DataColumn<Row>, content: ReactNode) => (
    <Table.Td
      key={column.key}
      role="cell"
      {...cellProps(column)}
      data-nowrap={column.nowrap || undefined}
      data-label={column.cardLabel ?? column.header}
      data-card={column.card}
      data-title-label={column.titleLabel || undefined}
      data-testid={column.testId}
    >
      <div className={classes.value}>{content}</div>
    </Table.Td>
  );

  return (
    <div className={classes.frame}>
      <Table
        className={classes.table}
        striped={!bordered}
        highlightOnHover
        withTableBorder={bordered}
        withColumnBorders={bordered}
        verticalSpacing={bordered ? "xs" : "sm"}
        fz={fz}
        role="table"
        aria-label={label}
        data-testid={testId}
      >
        <Table.Thead role="rowgroup">
          <Table.Tr role="row">
            {columns.map((column) => (
              <Table.Th
                key={column.key}
                role="columnheader"
                {...cellProps(column)}
                miw={column.minWidth}
              >
                {column.header}
              </Table.Th>
            ))}
            {actions && (
              <Table.Th role="columnheader" data-align="right">
                {t("actions")}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody role="rowgroup">
          {rows.map((row) => (
            <Table.Tr
              key={rowKey(row)}
              role="row"
              data-testid={rowTestId?.(row)}
              c={rowDimmed?.(row) ? "dimmed" : undefined}
            >
              {columns.map((column) => cell(column, column.render(row)))}
              {actions && (
                <Table.Td role="cell" data-card="actions" data-label={t("actions")}>
                  <div className={classes.actions}>{actions(row)}</div>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer && (
          <Table.Tfoot role="rowgroup">
            <Table.Tr role="row" fw={700} data-testid={footer.testId}>
              {columns.map((column) => cell(column, footer.cells[column.key]))}
              {actions && <Table.Td role="cell" data-card="hidden" />}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </div>
  );
}
