"use client";

import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCalendarWeek, IconDoor, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError } from "@/components/ui/server-errors";

type RoomRow = {
  id: string;
  name: string;
  capacity: number;
  equipment: string[];
  active: boolean;
  version: number;
};

/** The organisation's rooms as cards (they read as well on a phone), with their week's bookings a click away. */
export function RoomsManager() {
  const t = useTranslations("meetings");
  const trpc = useTRPC();
  const rooms = useQuery(trpc.meetings.rooms.queryOptions());
  const [editing, setEditing] = useState<RoomRow | "new" | null>(null);
  if (rooms.isPending) return <Loader />;
  const list = rooms.data?.rooms ?? [];
  const addButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setEditing("new")}
      data-testid="add-room"
    >
      {t("rooms.new")}
    </Button>
  );
  return (
    <Stack gap="md">
      {list.length > 0 && <Group justify="flex-end">{addButton}</Group>}
      {list.length === 0 ? (
        <EmptyState
          icon={<IconDoor />}
          withIndicatorBackground
          title={t("rooms.title")}
          description={t("rooms.empty")}
          py="xl"
        >
          <EmptyState.Actions>{addButton}</EmptyState.Actions>
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {list.map((r) => (
            <Card
              key={r.id}
              withBorder
              padding="md"
              opacity={r.active ? 1 : 0.6}
              data-testid="room-card"
            >
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>{r.name}</Text>
                  <Badge variant="light" color={r.active ? "green" : "gray"}>
                    {r.active ? t("rooms.active") : t("rooms.inactive")}
                  </Badge>
                </Group>
                <Text size="sm">{t("rooms.seats", { count: r.capacity })}</Text>
                <Group gap={4}>
                  {r.equipment.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      {t("form.noEquipment")}
                    </Text>
                  ) : (
                    r.equipment.map((e) => (
                      <Badge key={e} size="sm" variant="outline" tt="none">
                        {e}
                      </Badge>
                    ))
                  )}
                </Group>
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconCalendarWeek size={14} />}
                    component={Link}
                    href={`/meetings/rooms/${r.id}`}
                  >
                    {t("rooms.week")}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(r)}
                  >
                    {t("rooms.edit")}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editing && (
        <RoomModal room={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function RoomModal({ room, onClose }: { room: RoomRow | null; onClose: () => void }) {
  const t = useTranslations("meetings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: room?.name ?? "",
      capacity: room?.capacity ?? 10,
      equipment: room?.equipment ?? [],
      active: room?.active ?? true,
    },
  });
  const done = () => {
    notifications.show({ color: "green", message: t("rooms.saved") });
    void queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
    onClose();
  };
  const onError = (error: unknown) => showServerError(error, te("internal"), form);
  const create = useMutation(
    trpc.meetings.createRoom.mutationOptions({ onSuccess: done, onError }),
  );
  const update = useMutation(
    trpc.meetings.updateRoom.mutationOptions({ onSuccess: done, onError }),
  );
  const submit = form.onSubmit((v) => {
    const body = { ...v, capacity: Number(v.capacity) };
    if (room) update.mutate({ id: room.id, version: room.version, ...body });
    else create.mutate(body);
  });
  return (
    <Modal opened onClose={onClose} title={room ? t("rooms.edit") : t("rooms.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("rooms.name")}
            required
            {...form.getInputProps("name")}
            data-testid="room-name"
          />
          <NumberInput
            label={t("rooms.capacity")}
            min={1}
            max={10000}
            required
            {...form.getInputProps("capacity")}
          />
          <TagsInput
            label={t("rooms.equipment")}
            placeholder={t("rooms.equipmentPlaceholder")}
            {...form.getInputProps("equipment")}
          />
          <Switch
            label={t("rooms.active")}
            {...form.getInputProps("active", { type: "checkbox" })}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={create.isPending || update.isPending}
              data-testid="save-room"
            >
              {t("rooms.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
