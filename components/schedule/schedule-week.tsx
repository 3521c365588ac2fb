"use client";

import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarOff, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateField } from "@/components/ui/date-field";
import { showServerError } from "@/components/ui/server-errors";
import { addDays, isCalendarDay, vietnamToday } from "@/lib/dates";
import {
  isoWeekMonday,
  isoWeekOf,
  scheduleHref,
  shiftWeek,
  type ScheduleStatus,
} from "@/lib/schedule";
import { dayMonthYear } from "@/lib/schedule-layout";
import type { ScheduleEntrySource } from "@/lib/schemas/schedule";
import { EntryFormModal } from "./entry-form-modal";
import { ScheduleCards, ScheduleTable } from "./schedule-table";
import { SheetActions } from "./sheet-actions";
import { SourceBanner, useEntrySource } from "./source-banner";
import type { Entry, Sheet, WeekPage } from "./types";

type Where = { year: number; week: number; unitId: string | null };

const statusColours: Record<ScheduleStatus, string> = {
  draft: "gray",
  submitted: "yellow",
  published: "teal",
};

function Banner({ page, sheet }: { page: WeekPage; sheet: Sheet }) {
  const t = useTranslations("schedule");
  if (sheet.status === "draft") {
    return sheet.returnReason ? (
      <Alert color="red" variant="light" data-testid="schedule-returned">
        {t("banners.returned", { reason: sheet.returnReason })}
      </Alert>
    ) : (
      <Alert color="gray" variant="light">
        {t("banners.draft")}
      </Alert>
    );
  }
  if (sheet.status === "submitted") {
    return (
      <Alert color="yellow" variant="light">
        {t(page.canApprove ? "banners.submittedLeader" : "banners.submitted")}
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed" data-testid="schedule-published-note">
      {t("banners.published", {
        at: sheet.publishedAt ? formatDateTime(sheet.publishedAt) : "",
        by: sheet.publishedBy ?? "",
      })}
      {page.canDraft ? ` ${t("banners.publishedDrafter")}` : ""}
    </Text>
  );
}

/** One week of one sheet: the week and sheet pickers, the sheet's state and buttons, its table. */
export function ScheduleWeek({
  initial,
  source: askedSource = null,
}: {
  initial: Where;
  /** An invitation or meeting occurrence to add as an entry (from its page). */
  source?: ScheduleEntrySource | null;
}) {
  const t = useTranslations("schedule");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [where, setWhere] = useState<Where>(initial);
  const fromSource = useEntrySource(askedSource, (week) => setWhere((w) => ({ ...w, ...week })));
  const [editing, setEditing] = useState<Entry | "new" | null>(null);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const query = useQuery(trpc.schedule.week.queryOptions(where));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.schedule.week.pathKey() });

  useEffect(() => {
    window.history.replaceState(null, "", scheduleHref(where, where.unitId));
  }, [where]);

  const create = useMutation(
    trpc.schedule.createSheet.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("done.created") });
        await refresh();
      },
      onError: (e) => showServerError(e, t("failed")),
    }),
  );
  const remove = useMutation(
    trpc.schedule.removeEntry.mutationOptions({
      onSuccess: async () => {
        notifications.show({
          color: "green",
          message: t(query.data?.sheet?.status === "published" ? "done.cancelled" : "done.removed"),
        });
        setRemoving(null);
        await refresh();
      },
      onError: (e) => {
        void refresh();
        showServerError(e, t("failed"));
      },
    }),
  );

  const monday = isoWeekMonday(where);
  const goTo = (w: { year: number; week: number }) => setWhere({ ...where, ...w });
  const page = query.data;
  const sheet = page?.sheet ?? null;
  const editable = Boolean(page?.canDraft && sheet && sheet.status !== "submitted");

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3} data-testid="schedule-week-title">
              {t("weekTitle", { week: String(where.week), year: String(where.year) })}
            </Title>
            {page && (
              <Badge
                color={sheet ? statusColours[sheet.status] : "gray"}
                variant="light"
                data-testid="schedule-status"
              >
                {t(`status.${sheet?.status ?? "none"}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t("weekRange", { from: dayMonthYear(monday), to: dayMonthYear(addDays(monday, 6)) })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={16} />}
            onClick={() => goTo(shiftWeek(where, -1))}
            data-testid="schedule-previous-week"
          >
            {t("previousWeek")}
          </Button>
          <Button variant="default" onClick={() => goTo(isoWeekOf(vietnamToday()))}>
            {t("thisWeek")}
          </Button>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} />}
            onClick={() => goTo(shiftWeek(where, 1))}
            data-testid="schedule-next-week"
          >
            {t("nextWeek")}
          </Button>
          <DateField
            aria-label={t("pickWeek")}
            placeholder={t("pickWeek")}
            value={monday}
            onChange={(day) => {
              if (day && isCalendarDay(day)) goTo(isoWeekOf(day));
            }}
            w={170}
          />
        </Group>
      </Group>

      {page && (
        <Select
          label={t("sheetPicker")}
          data={page.sheets.map((s) => ({
            value: s.unitId ?? "",
            label: `${s.name ?? t("leadership")} · ${t(`status.${s.status ?? "none"}`)}`,
          }))}
          value={where.unitId ?? ""}
          onChange={(v) => setWhere({ ...where, unitId: v ? v : null })}
          allowDeselect={false}
          maw={480}
          data-testid="schedule-sheet-picker"
        />
      )}

      {query.isPending && (
        <Group justify="center" py="xl">
          <Loader />
        </Group>
      )}
      {query.isError && (
        <Alert color="red" variant="light">
          <Group justify="space-between">
            <Text size="sm">{t("loadFailed")}</Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              {t("retry")}
            </Button>
          </Group>
        </Alert>
      )}

      {fromSource.prefill && (
        <SourceBanner
          from={fromSource}
          sheet={sheet}
          editable={editable}
          onAdd={() => setEditing("new")}
        />
      )}

      {page && !sheet && (
        <EmptyState
          icon={<IconCalendarOff />}
          withIndicatorBackground
          title={t("empty.noSheet")}
          description={
            page.inPreparation
              ? t("empty.inPreparation")
              : page.canDraft
                ? t("empty.noSheetDrafter")
                : t("empty.noSheetReader")
          }
          data-testid="schedule-empty"
          py="xl"
        >
          {page.canDraft && !page.inPreparation && (
            <EmptyState.Actions>
              <Button
                loading={create.isPending}
                onClick={() => create.mutate(where)}
                data-testid="schedule-create"
              >
                {t("actions.create")}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}

      {page && sheet && (
        <>
          <Banner page={page} sheet={sheet} />
          <SheetActions page={page} sheet={sheet} onAdd={() => setEditing("new")} />
          {sheet.entries.length === 0 ? (
            <EmptyState
              icon={<IconCalendarOff />}
              withIndicatorBackground
              title={t("empty.noEntries")}
              description={page.canDraft ? t("empty.noEntriesDrafter") : t("empty.noEntriesReader")}
              data-testid="schedule-no-entries"
              py="xl"
            />
          ) : (
            <>
              <ScheduleTable
                sheet={sheet}
                onEdit={editable ? setEditing : undefined}
                onRemove={editable ? setRemoving : undefined}
              />
              <ScheduleCards
                sheet={sheet}
                onEdit={editable ? setEditing : undefined}
                onRemove={editable ? setRemoving : undefined}
              />
            </>
          )}
          {editing && (
            <EntryFormModal
              page={page}
              sheet={sheet}
              entry={editing === "new" ? null : editing}
              prefill={editing === "new" ? (fromSource.prefill ?? undefined) : undefined}
              onClose={() => setEditing(null)}
            />
          )}
          {removing && (
            <ConfirmDialog
              title={t(
                sheet.status === "published" ? "confirm.cancelTitle" : "confirm.removeTitle",
              )}
              message={t(sheet.status === "published" ? "confirm.cancel" : "confirm.remove", {
                content: removing.content.slice(0, 120),
              })}
              confirmLabel={t(
                sheet.status === "published" ? "actions.cancelEntry" : "actions.remove",
              )}
              color="red"
              pending={remove.isPending}
              testId="schedule-remove-confirm"
              onClose={() => setRemoving(null)}
              onConfirm={() => remove.mutate({ id: removing.id, version: removing.version })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
