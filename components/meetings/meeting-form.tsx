"use client";

import {
  Alert,
  Button,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDoor } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { DateField } from "@/components/ui/date-field";
import { appCodeOf, showServerError } from "@/components/ui/server-errors";
import { TimeField } from "@/components/ui/time-field";
import { vietnamToday } from "@/lib/dates";
import {
  TIME_OF_DAY,
  weekdayOfDay,
  weekdays,
  type RecurrenceChoice,
  type Weekday,
} from "@/lib/meetings";
import { BusyWarning, RoomAvailability, useMeetingChecks } from "./meeting-checks";

export type MeetingFormValues = {
  title: string;
  agenda: string;
  day: string;
  startTime: string;
  endTime: string;
  roomId: string | null;
  locationText: string;
  kind: "none" | "daily" | "weekly" | "monthly";
  days: Weekday[];
  endKind: "count" | "until";
  count: number;
  until: string;
  participantIds: string[];
};

export type MeetingFormInitial = Partial<MeetingFormValues> & { id?: string; version?: number };

function recurrenceOf(v: MeetingFormValues): RecurrenceChoice {
  if (v.kind === "none") return { kind: "none" };
  return {
    kind: v.kind,
    ...(v.kind === "weekly" ? { days: v.days } : {}),
    end: v.endKind === "count" ? { count: v.count } : { until: v.until },
  };
}

/** The form of a meeting: room availability and busy invitees are shown as the time is picked. */
export function MeetingForm({ initial }: { initial?: MeetingFormInitial }) {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const editing = Boolean(initial?.id);
  const rooms = useQuery(trpc.meetings.rooms.queryOptions());
  const staff = useQuery(trpc.directory.staff.queryOptions());

  const form = useForm<MeetingFormValues>({
    initialValues: {
      title: "",
      agenda: "",
      day: vietnamToday(),
      startTime: "08:00",
      endTime: "09:00",
      roomId: null,
      locationText: "",
      kind: "none",
      days: [],
      endKind: "count",
      count: 4,
      until: "",
      participantIds: [],
      ...initial,
    },
    validate: {
      title: (v) => (v.trim() ? null : t("form.title")),
      startTime: (v) => (TIME_OF_DAY.test(v) ? null : t("errors.timeFormat")),
      endTime: (v, all) =>
        !TIME_OF_DAY.test(v)
          ? t("errors.timeFormat")
          : v <= all.startTime
            ? t("errors.endBeforeStart")
            : null,
    },
  });
  const v = form.values;
  const recurrence = recurrenceOf(v);
  const { timesReady, availability, busy } = useMeetingChecks(v, recurrence, initial?.id ?? null);

  const body = () => ({
    title: v.title,
    agenda: v.agenda,
    day: v.day,
    startTime: v.startTime,
    endTime: v.endTime,
    roomId: v.roomId,
    locationText: v.roomId ? null : v.locationText || null,
    recurrence,
    participantIds: v.participantIds,
  });
  const afterSave = (result: { id: string; warnings: { busy: unknown[] } }) => {
    void queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
    notifications.show({
      color: result.warnings.busy.length > 0 ? "yellow" : "green",
      message:
        result.warnings.busy.length > 0
          ? t("warnings.savedWithWarnings", { count: result.warnings.busy.length })
          : editing
            ? t("form.updated")
            : t("form.created"),
    });
    router.push(`/meetings/${result.id}`);
  };
  const onError = (error: unknown) => {
    // The room was taken meanwhile: show what is in the way and the slot to take instead.
    if (appCodeOf(error) === "CONFLICT") void availability.refetch();
    showServerError(error, te("internal"), form);
  };
  const create = useMutation(
    trpc.meetings.create.mutationOptions({ onSuccess: afterSave, onError }),
  );
  const update = useMutation(
    trpc.meetings.update.mutationOptions({ onSuccess: afterSave, onError }),
  );
  const saving = create.isPending || update.isPending;

  const submit = form.onSubmit(() => {
    if (editing) update.mutate({ id: initial!.id!, version: initial!.version!, ...body() });
    else create.mutate(body());
  });

  const roomList = rooms.data?.rooms.filter((r) => r.active || r.id === v.roomId) ?? [];
  const chosenRoom = roomList.find((r) => r.id === v.roomId) ?? null;
  const people = staff.data
    ? [
        ...staff.data.leadership,
        ...staff.data.units.flatMap((u) => u.staff),
        ...staff.data.unassigned,
      ]
    : [];
  const peopleOptions = [...new Map(people.map((p) => [p.id, p])).values()].map((p) => ({
    value: p.id,
    label: p.jobTitle ? `${p.fullName} · ${p.jobTitle}` : p.fullName,
  }));

  return (
    <form onSubmit={submit} noValidate data-testid="meeting-form">
      <Stack gap="md" maw={760}>
        <TextInput
          label={t("form.title")}
          required
          {...form.getInputProps("title")}
          data-testid="meeting-title"
        />
        <Textarea
          label={t("form.agenda")}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps("agenda")}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <DateField
            label={t("form.day")}
            required
            value={v.day}
            onChange={(d) => {
              form.setFieldValue("day", d ?? "");
              if (d && v.kind === "weekly" && v.days.length === 0)
                form.setFieldValue("days", [weekdayOfDay(d)]);
            }}
            error={form.errors.day}
            data-testid="meeting-day"
          />
          <TimeField
            label={t("form.startTime")}
            required
            {...form.getInputProps("startTime")}
            data-testid="meeting-start"
          />
          <TimeField
            label={t("form.endTime")}
            required
            {...form.getInputProps("endTime")}
            data-testid="meeting-end"
          />
        </SimpleGrid>

        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t("form.recurrence")}
          </Text>
          <Chip.Group
            value={v.kind}
            onChange={(k) => {
              const kind = k as MeetingFormValues["kind"];
              form.setFieldValue("kind", kind);
              if (kind === "weekly" && v.days.length === 0 && v.day) {
                form.setFieldValue("days", [weekdayOfDay(v.day)]);
              }
            }}
          >
            <Group gap={6} data-testid="meeting-recurrence">
              {(["none", "daily", "weekly", "monthly"] as const).map((k) => (
                <Chip key={k} value={k} size="sm" variant="outline">
                  {t(`form.kinds.${k}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {v.kind === "weekly" && (
            <Chip.Group
              multiple
              value={v.days}
              onChange={(d) => form.setFieldValue("days", d as Weekday[])}
            >
              <Group gap={6} aria-label={t("form.days")}>
                {weekdays.map((d) => (
                  <Chip key={d} value={d} size="sm">
                    {t(`weekdays.${d}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
          {v.kind !== "none" && (
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Radio.Group
                label={t("form.endKind")}
                value={v.endKind}
                onChange={(k) => form.setFieldValue("endKind", k as "count" | "until")}
              >
                <Group gap="sm" mt={4}>
                  <Radio value="count" label={t("form.endCount")} />
                  <Radio value="until" label={t("form.endUntil")} />
                </Group>
              </Radio.Group>
              {v.endKind === "count" ? (
                <NumberInput
                  w={120}
                  label={t("form.count")}
                  min={1}
                  max={366}
                  {...form.getInputProps("count")}
                />
              ) : (
                <DateField
                  w={170}
                  label={t("form.until")}
                  value={v.until}
                  onChange={(d) => form.setFieldValue("until", d ?? "")}
                />
              )}
            </Group>
          )}
          {form.errors.recurrence && (
            <Text size="sm" c="red">
              {form.errors.recurrence}
            </Text>
          )}
        </Stack>

        <Select
          label={t("form.room")}
          placeholder={t("form.roomPlaceholder")}
          clearable
          leftSection={<IconDoor size={16} />}
          data={roomList.map((r) => ({
            value: r.id,
            label: t("form.roomOption", { name: r.name, capacity: r.capacity }),
          }))}
          value={v.roomId}
          onChange={(id) => form.setFieldValue("roomId", id)}
          error={form.errors.roomId}
          nothingFoundMessage={t("rooms.emptyForStaff")}
          data-testid="meeting-room"
        />
        {chosenRoom && (
          <Text size="xs" c="dimmed" mt={-10}>
            {chosenRoom.equipment.length > 0
              ? t("form.equipment", { list: chosenRoom.equipment.join(", ") })
              : t("form.noEquipment")}
          </Text>
        )}
        {v.roomId && timesReady && (
          <RoomAvailability
            query={availability}
            onUse={(s) =>
              form.setValues({ day: s.day, startTime: s.startTime, endTime: s.endTime })
            }
          />
        )}
        {!v.roomId && (
          <TextInput
            label={t("form.locationText")}
            description={t("form.locationHint")}
            {...form.getInputProps("locationText")}
          />
        )}

        <MultiSelect
          label={t("form.participants")}
          placeholder={t("form.participantsPlaceholder")}
          searchable
          data={peopleOptions}
          value={v.participantIds}
          onChange={(ids) => form.setFieldValue("participantIds", ids)}
          error={form.errors.participantIds}
          data-testid="meeting-participants"
        />
        {chosenRoom && v.participantIds.length + 1 > chosenRoom.capacity && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />}>
            {t("warnings.overCapacity", {
              count: v.participantIds.length + 1,
              capacity: chosenRoom.capacity,
            })}
          </Alert>
        )}
        <BusyWarning busy={busy.data} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => router.back()}>
            {t("form.back")}
          </Button>
          <Button type="submit" loading={saving} data-testid="meeting-submit">
            {editing ? t("form.submitUpdate") : t("form.submitCreate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
