"use client";

import { Badge, Button, Card, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconUserShare } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateField } from "@/components/ui/date-field";
import { showServerError } from "@/components/ui/server-errors";
import { formatDate } from "@/components/documents/document-format";
import { useState } from "react";
import { addDays, vietnamToday } from "@/lib/dates";

const stateColor = { running: "green", planned: "blue", ended: "gray", revoked: "gray" } as const;

/**
 * A leader going away hands their directing to another leader for a few days (ủy quyền); the
 * delegate sees the delegations they hold. What the delegate directs is recorded on the absent
 * leader's behalf.
 */
export function DelegationsCard() {
  const t = useTranslations("delegation");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.leader.delegations.queryOptions());
  const candidates = useQuery(trpc.leader.delegateCandidates.queryOptions());
  const [revoking, setRevoking] = useState<string | null>(null);
  const today = vietnamToday();
  const form = useForm({
    initialValues: {
      toUserId: null as string | null,
      startsOn: today as string | null,
      endsOn: addDays(today, 4) as string | null,
      note: "",
    },
    validate: {
      toUserId: (v) => (v ? null : tv("required")),
      startsOn: (v) => (v ? null : tv("required")),
      endsOn: (v) => (v ? null : tv("required")),
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.leader.pathKey() });
  const create = useMutation(
    trpc.leader.delegate.mutationOptions({
      onSuccess: async () => {
        await refresh();
        form.reset();
        notifications.show({ color: "green", message: t("created") });
      },
      onError: (error) => showServerError(error, t("saveError"), form),
    }),
  );
  const revoke = useMutation(
    trpc.leader.revokeDelegation.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setRevoking(null);
        notifications.show({ color: "green", message: t("revoked") });
      },
      onError: (error) => showServerError(error, t("saveError")),
    }),
  );

  return (
    <Card withBorder padding="lg" data-testid="delegations">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {t("title")}
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        {t("hint")}
      </Text>
      <Stack gap="xs" mb="md">
        {list.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("none")}
          </Text>
        )}
        {list.data?.map((d) => (
          <Group key={d.id} justify="space-between" wrap="wrap" gap="xs" data-testid="delegation">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {d.given
                  ? t("givenTo", { name: d.toName })
                  : t("receivedFrom", { name: d.fromName })}
              </Text>
              <Text size="xs" c="dimmed">
                {t("period", { from: formatDate(d.startsOn), to: formatDate(d.endsOn) })}
                {d.note ? ` · ${d.note}` : ""}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge color={stateColor[d.state]} variant="light">
                {t(`state.${d.state}`)}
              </Badge>
              {d.given && (d.state === "running" || d.state === "planned") && (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => setRevoking(d.id)}
                  data-testid="delegation-revoke"
                >
                  {t("revoke")}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          create.mutate({
            toUserId: v.toUserId!,
            startsOn: v.startsOn!,
            endsOn: v.endsOn!,
            note: v.note.trim() || null,
          }),
        )}
      >
        <Stack gap="sm">
          <Select
            label={t("to")}
            required
            data={(candidates.data ?? []).map((c) => ({
              value: c.id,
              label: c.jobTitle ? `${c.fullName} — ${c.jobTitle}` : c.fullName,
            }))}
            data-testid="delegation-to"
            {...form.getInputProps("toUserId")}
          />
          <Group grow align="flex-start" wrap="wrap">
            <DateField
              label={t("startsOn")}
              required
              minDate={today}
              data-testid="delegation-starts"
              {...form.getInputProps("startsOn")}
            />
            <DateField
              label={t("endsOn")}
              required
              minDate={form.values.startsOn ?? today}
              data-testid="delegation-ends"
              {...form.getInputProps("endsOn")}
            />
          </Group>
          <Textarea
            label={t("note")}
            autosize
            minRows={1}
            maxLength={500}
            {...form.getInputProps("note")}
          />
          <Group>
            <Button
              type="submit"
              leftSection={<IconUserShare size={16} />}
              loading={create.isPending}
              data-testid="delegation-submit"
            >
              {t("submit")}
            </Button>
          </Group>
        </Stack>
      </form>
      {revoking && (
        <ConfirmDialog
          title={t("revokeTitle")}
          message={t("revokeConfirm")}
          confirmLabel={t("revoke")}
          color="red"
          pending={revoke.isPending}
          testId="delegation-revoke-confirm"
          onConfirm={() => revoke.mutate({ id: revoking })}
          onClose={() => setRevoking(null)}
        />
      )}
    </Card>
  );
}
