"use client";

import { ActionIcon, Card, Group, Menu, Stack, Table, Text } from "@mantine/core";
import { IconDots, IconPencil, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { AnchorLink } from "@/components/ui/anchor-link";
import { layOutWeek, dayMonthYear } from "@/lib/schedule-layout";
import { ChangeBadge, FieldValue, timeOf } from "./change-marks";
import { DriftNotice } from "./drift-notice";
import type { Entry, Sheet } from "./types";

/** The invitation or meeting the entry was made from, for those who may open it. */
function SourceLink({ entry }: { entry: Entry }) {
  const t = useTranslations("schedule");
  if (!entry.source) return null;
  return (
    <AnchorLink href={entry.source.href} size="sm" data-testid="schedule-entry-source">
      {t(`source.${entry.source.kind}`)}
    </AnchorLink>
  );
}

type Props = {
  sheet: Sheet;
  /** Offered on each entry that may still change. */
  onEdit?: (e: Entry) => void;
  onRemove?: (e: Entry) => void;
};

function EntryMenu({ entry, onEdit, onRemove }: { entry: Entry } & Omit<Props, "sheet">) {
  const t = useTranslations("schedule");
  if (!onEdit || !onRemove || entry.cancelled) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          aria-label={t("actions.entryActions", { content: entry.content.slice(0, 60) })}
          data-testid="schedule-entry-menu"
        >
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(entry)}>
          {t("actions.edit")}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={() => onRemove(entry)}
        >
          {t("actions.remove")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function TimeCell({ entry }: { entry: Entry }) {
  const t = useTranslations("schedule");
  const f = entry.change?.kind === "edited" ? entry.change.fields : {};
  const old = f.startTime || f.endTime;
  return (
    <>
      <Text size="sm" fw={old ? 600 : 500} td={entry.cancelled ? "line-through" : undefined}>
        {timeOf(entry)}
      </Text>
      {f.day && (
        <Text size="xs" c="dimmed" td="line-through">
          {f.day.from ?? t("wasEmpty")}
        </Text>
      )}
      {old && (
        <Text size="xs" c="dimmed" td="line-through">
          {[
            f.startTime?.from ?? entry.shown.startTime,
            f.endTime ? f.endTime.from : entry.shown.endTime,
          ]
            .filter(Boolean)
            .join(" - ")}
        </Text>
      )}
    </>
  );
}

/** The week as a table: a row per day, split into morning and afternoon (wide screens). */
export function ScheduleTable({ sheet, onEdit, onRemove }: Props) {
  const t = useTranslations("schedule");
  const days = layOutWeek(sheet.weekStart, sheet.entries);
  const editable = Boolean(onEdit);
  const columns = editable ? 8 : 7;
  return (
    <Table
      withTableBorder
      withColumnBorders
      layout="fixed"
      data-testid="schedule-table"
      visibleFrom="md"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t("columns.session")}</Table.Th>
          <Table.Th w={100}>{t("columns.time")}</Table.Th>
          <Table.Th>{t("columns.content")}</Table.Th>
          <Table.Th w="14%">{t("columns.chair")}</Table.Th>
          <Table.Th w="18%">{t("columns.participants")}</Table.Th>
          <Table.Th w="12%">{t("columns.location")}</Table.Th>
          <Table.Th w="11%">{t("columns.preparing")}</Table.Th>
          {editable && <Table.Th w={44} aria-label={t("columns.actions")} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((d) => [
          <Table.Tr key={d.day} bg="var(--mantine-color-gray-1)" data-testid="schedule-day">
            <Table.Td colSpan={columns}>
              <Text fw={700} size="sm">
                {t("dayHeading", {
                  weekday: t(`weekdays.${d.weekday}`),
                  date: dayMonthYear(d.day),
                })}
              </Text>
            </Table.Td>
          </Table.Tr>,
          ...d.sessions.flatMap((s) => {
            const label = (
              <Table.Td rowSpan={Math.max(1, s.entries.length)} style={{ verticalAlign: "top" }}>
                <Text size="sm" fw={600}>
                  {t(`sessions.${s.session}`)}
                </Text>
              </Table.Td>
            );
            if (s.entries.length === 0) {
              return [
                <Table.Tr key={`${d.day}-${s.session}`}>
                  {label}
                  <Table.Td colSpan={columns - 1}>
                    <Text size="sm" c="dimmed">
                      {t("nothingThatSession")}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
              ];
            }
            return s.entries.map((e, i) => (
              <Table.Tr
                key={e.id}
                data-testid="schedule-entry"
                data-cancelled={e.cancelled || undefined}
              >
                {i === 0 && label}
                <Table.Td style={{ verticalAlign: "top" }}>
                  <TimeCell entry={e} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <Stack gap={4}>
                    <FieldValue entry={e} field="content" value={e.shown.content} />
                    <Group gap={4}>
                      <ChangeBadge entry={e} />
                    </Group>
                    {e.shown.notes && <FieldValue entry={e} field="notes" value={e.shown.notes} />}
                    <SourceLink entry={e} />
                    <DriftNotice sheet={sheet} entry={e} onEdit={onEdit} onRemove={onRemove} />
                  </Stack>
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <FieldValue entry={e} field="chair" value={e.shown.chair} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <FieldValue entry={e} field="participants" value={e.shown.participants} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <FieldValue entry={e} field="location" value={e.shown.location} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <FieldValue entry={e} field="preparing" value={e.shown.preparing} />
                </Table.Td>
                {editable && (
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <EntryMenu entry={e} onEdit={onEdit} onRemove={onRemove} />
                  </Table.Td>
                )}
              </Table.Tr>
            ));
          }),
        ])}
      </Table.Tbody>
    </Table>
  );
}

/** The week on a phone: a list of days, each entry a card. */
export function ScheduleCards({ sheet, onEdit, onRemove }: Props) {
  const t = useTranslations("schedule");
  const days = layOutWeek(sheet.weekStart, sheet.entries);
  const line = (e: Entry, field: string, label: string, value: string) =>
    value || e.change?.fields[field] ? (
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <FieldValue entry={e} field={field} value={value} />
      </div>
    ) : null;
  return (
    <Stack gap="md" hiddenFrom="md" data-testid="schedule-cards">
      {days.map((d) => (
        <Stack key={d.day} gap="xs" data-testid="schedule-day">
          <Text fw={700}>
            {t("dayHeading", { weekday: t(`weekdays.${d.weekday}`), date: dayMonthYear(d.day) })}
          </Text>
          {d.sessions.map((s) => (
            <Stack key={s.session} gap={6}>
              <Text size="sm" fw={600} c="dimmed">
                {t(`sessions.${s.session}`)}
              </Text>
              {s.entries.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("nothingThatSession")}
                </Text>
              ) : (
                s.entries.map((e) => (
                  <Card
                    key={e.id}
                    withBorder
                    padding="sm"
                    data-testid="schedule-entry"
                    data-cancelled={e.cancelled || undefined}
                  >
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Group gap="xs">
                          <TimeCell entry={e} />
                          <ChangeBadge entry={e} />
                        </Group>
                        <FieldValue entry={e} field="content" value={e.shown.content} />
                      </Stack>
                      <EntryMenu entry={e} onEdit={onEdit} onRemove={onRemove} />
                    </Group>
                    <Stack gap={4} mt={6}>
                      {line(e, "chair", t("columns.chair"), e.shown.chair)}
                      {line(e, "participants", t("columns.participants"), e.shown.participants)}
                      {line(e, "location", t("columns.location"), e.shown.location)}
                      {line(e, "preparing", t("columns.preparing"), e.shown.preparing)}
                      {line(e, "notes", t("columns.notes"), e.shown.notes)}
                      <SourceLink entry={e} />
                      <DriftNotice sheet={sheet} entry={e} onEdit={onEdit} onRemove={onRemove} />
                    </Stack>
                  </Card>
                ))
              )}
            </Stack>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
