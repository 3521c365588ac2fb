"use client";

import {
  Alert,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import { TimeField } from "@/components/ui/time-field";
import { addDays } from "@/lib/dates";
import { weekdayIndex } from "@/lib/schedule";
import { dayMonthYear } from "@/lib/schedule-layout";
import type { Entry, EntryPrefill, Sheet, WeekPage } from "./types";

type Values = {
  day: string;
  session: "auto" | "morning" | "afternoon";
  startTime: string;
  endTime: string;
  content: string;
  chairUserId: string | null;
  chairText: string;
  participantUserIds: string[];
  participantUnitIds: string[];
  participantText: string;
  location: string;
  preparingUnitId: string | null;
  preparingText: string;
  notes: string;
};

function initialValues(sheet: Sheet, entry: Entry | null, prefill?: EntryPrefill): Values {
  if (!entry && prefill) {
    const v = prefill.values;
    return {
      ...initialValues(sheet, null),
      // A day outside this sheet's week (another week was picked) falls back to its Monday.
      day:
        v.day >= sheet.weekStart && v.day <= addDays(sheet.weekStart, 6) ? v.day : sheet.weekStart,
      startTime: v.startTime,
      endTime: v.endTime ?? "",
      content: v.content,
      chairUserId: v.chairUserId,
      participantUserIds: v.participantUserIds,
      location: v.location ?? "",
      notes: v.notes ?? "",
    };
  }
  return {
    day: entry?.day ?? sheet.weekStart,
    session: entry?.session ?? "auto",
    startTime: entry?.startTime ?? "",
    endTime: entry?.endTime ?? "",
    content: entry?.content ?? "",
    chairUserId: entry?.chairUserId ?? null,
    chairText: entry?.chairText ?? "",
    participantUserIds: entry?.participantUserIds ?? [],
    participantUnitIds: entry?.participantUnitIds ?? [],
    participantText: entry?.participantText ?? "",
    location: entry?.location ?? "",
    preparingUnitId: entry?.preparingUnitId ?? null,
    preparingText: entry?.preparingText ?? "",
    notes: entry?.notes ?? "",
  };
}

/**
 * Adds an entry to the sheet (`entry` null), filled in from an invitation or a meeting when
 * `prefill` is given, or edits one; refusals land on their fields.
 */
export function EntryFormModal({
  page,
  sheet,
  entry,
  prefill,
  onClose,
}: {
  page: WeekPage;
  sheet: Sheet;
  entry: Entry | null;
  prefill?: EntryPrefill;
  onClose: () => void;
}) {
  const t = useTranslations("schedule");
  const tr = useTranslations();
  const trpc = useTRPC();
  const phone = useMediaQuery("(max-width: 36em)");
  const staff = useQuery(trpc.directory.staff.queryOptions());
  const form = useForm<Values>({
    initialValues: initialValues(sheet, entry, prefill),
    validate: {
      startTime: (v) => (v ? null : tr("validation.required")),
      content: (v) => (v.trim() ? null : tr("validation.required")),
      endTime: (v, all) =>
        v && all.startTime && v <= all.startTime ? t("errors.endBeforeStart") : null,
    },
  });
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.schedule.week.pathKey()],
    onClose,
    errorMessage: t("failed"),
    form,
  });
  const add = useMutation(
    trpc.schedule.addEntry.mutationOptions({
      onSuccess: () => succeed(t("done.added")),
      onError: fail,
    }),
  );
  const update = useMutation(
    trpc.schedule.updateEntry.mutationOptions({
      onSuccess: () => succeed(t("done.saved")),
      onError: fail,
    }),
  );

  const people = staff.data
    ? [
        {
          group: t("leadership"),
          items: staff.data.leadership.map((p) => ({ value: p.id, label: p.fullName })),
        },
        ...staff.data.units
          .filter((u) => u.staff.length > 0)
          .map((u) => ({
            group: u.name,
            items: u.staff.map((p) => ({ value: p.id, label: p.fullName })),
          })),
        ...(staff.data.unassigned.length
          ? [
              {
                group: "—",
                items: staff.data.unassigned.map((p) => ({ value: p.id, label: p.fullName })),
              },
            ]
          : []),
      ].filter((g) => g.items.length > 0)
    : [];
  const units = page.sheets
    .filter((s) => s.unitId)
    .map((s) => ({ value: s.unitId!, label: s.name ?? "" }));
  const days = Array.from({ length: 7 }, (_, i) => {
    const day = addDays(sheet.weekStart, i);
    return {
      value: day,
      label: t("dayHeading", {
        weekday: t(`weekdays.${weekdayIndex(day)}`),
        date: dayMonthYear(day),
      }),
    };
  });

  const submit = form.onSubmit((v) => {
    const body = {
      day: v.day,
      session: v.session === "auto" ? null : v.session,
      startTime: v.startTime,
      endTime: v.endTime || null,
      content: v.content,
      chairUserId: v.chairUserId,
      chairText: v.chairText,
      participantUserIds: v.participantUserIds,
      participantUnitIds: v.participantUnitIds,
      participantText: v.participantText,
      location: v.location,
      preparingUnitId: v.preparingUnitId,
      preparingText: v.preparingText,
      notes: v.notes,
    };
    if (entry) update.mutate({ id: entry.id, version: entry.version, ...body });
    else {
      add.mutate({
        sheetId: sheet.id,
        sheetVersion: sheet.version,
        ...body,
        source: prefill?.source ?? null,
      });
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(entry ? "form.editTitle" : "form.addTitle")}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ "aria-label": tr("common.close") }}
    >
      <form onSubmit={submit} noValidate data-testid="schedule-entry-form">
        <Stack gap="sm">
          {!entry && prefill && (
            <Alert color="blue" variant="light" data-testid="schedule-from-source">
              {t(`fromSource.${prefill.source.kind}`)}
            </Alert>
          )}
          {sheet.status === "published" && (
            <Alert color="orange" variant="light">
              {t("form.afterPublication")}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("form.day")}
              data={days}
              allowDeselect={false}
              required
              data-testid="schedule-day-input"
              {...form.getInputProps("day")}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t("form.session")}
              </Text>
              <SegmentedControl
                data={[
                  { value: "auto", label: t("form.sessionAuto") },
                  { value: "morning", label: t("sessions.morning") },
                  { value: "afternoon", label: t("sessions.afternoon") },
                ]}
                {...form.getInputProps("session")}
              />
            </Stack>
            <TimeField
              label={t("form.startTime")}
              required
              data-testid="schedule-start-input"
              {...form.getInputProps("startTime")}
            />
            <TimeField
              label={t("form.endTime")}
              data-testid="schedule-end-input"
              {...form.getInputProps("endTime")}
            />
          </SimpleGrid>
          <Textarea
            label={t("form.content")}
            required
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
            data-testid="schedule-content-input"
            {...form.getInputProps("content")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("form.chairUser")}
              description={t("form.chairUserHint")}
              data={people}
              searchable
              clearable
              data-testid="schedule-chair-input"
              {...form.getInputProps("chairUserId")}
            />
            <TextInput
              label={t("form.chairText")}
              maxLength={200}
              mt={{ sm: "auto" }}
              {...form.getInputProps("chairText")}
            />
          </SimpleGrid>
          <MultiSelect
            label={t("form.participantUsers")}
            data={people}
            searchable
            clearable
            data-testid="schedule-participants-input"
            {...form.getInputProps("participantUserIds")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MultiSelect
              label={t("form.participantUnits")}
              data={units}
              searchable
              clearable
              {...form.getInputProps("participantUnitIds")}
            />
            <TextInput
              label={t("form.participantText")}
              placeholder={t("form.participantTextHint")}
              maxLength={1000}
              {...form.getInputProps("participantText")}
            />
            <TextInput
              label={t("form.location")}
              maxLength={300}
              data-testid="schedule-location-input"
              {...form.getInputProps("location")}
            />
            <Group grow align="flex-start" gap="xs">
              <Select
                label={t("form.preparingUnit")}
                data={units}
                searchable
                clearable
                {...form.getInputProps("preparingUnitId")}
              />
            </Group>
            <TextInput
              label={t("form.preparingText")}
              maxLength={300}
              {...form.getInputProps("preparingText")}
            />
          </SimpleGrid>
          <Textarea
            label={t("form.notes")}
            autosize
            minRows={1}
            maxLength={1000}
            {...form.getInputProps("notes")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("actions.save")}
            pending={add.isPending || update.isPending}
            testId="schedule-entry-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
