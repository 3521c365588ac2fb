"use client";

import { Alert, Button, Card, Radio, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import { mailModes, type MailMode } from "@/lib/schemas/mail";

type Saved = { email: string | null; mode: MailMode; version: number; mailEnabled: boolean };

/** The person's e-mail address and how they want their notifications mailed. */
export function MailSettingsCard() {
  const trpc = useTRPC();
  const data = useQuery(trpc.mail.preferences.queryOptions()).data;
  // A fresh form for each saved version: what the server holds is what it starts from.
  return <MailSettingsForm key={data ? `${data.version}:${data.email}` : "loading"} data={data} />;
}

function MailSettingsForm({ data }: { data: Saved | undefined }) {
  const t = useTranslations("mail");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(data?.email ?? "");
  const [mode, setMode] = useState<MailMode>(data?.mode ?? "digest");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.mail.updatePreferences.mutationOptions({
      onSuccess: () => {
        setErrors({});
        notifications.show({ color: "green", message: t("saved") });
        void queryClient.invalidateQueries({ queryKey: trpc.mail.preferences.queryKey() });
      },
      onError: (e) => {
        setErrors(fieldErrorsOf(e));
        showServerError(e, tAll("errors.internal"));
        void queryClient.invalidateQueries({ queryKey: trpc.mail.preferences.queryKey() });
      },
    }),
  );
  return (
    <Card withBorder padding="lg" data-testid="mail-settings">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {t("settingsTitle")}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!data || save.isPending) return;
          save.mutate({ mode, email: email.trim() || null, version: data.version });
        }}
      >
        <Stack gap="sm">
          {data && !data.mailEnabled && (
            <Alert color="gray" variant="light">
              {t("off")}
            </Alert>
          )}
          <TextInput
            type="email"
            label={t("emailLabel")}
            description={t("emailHint")}
            autoComplete="email"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            data-testid="mail-email"
          />
          <Radio.Group
            label={t("modeLabel")}
            description={t("settingsDescription")}
            value={mode}
            onChange={(v) => setMode(v as MailMode)}
          >
            <Stack gap="xs" mt={6}>
              {mailModes.map((m) => (
                <Radio key={m} value={m} label={t(`modes.${m}`)} data-testid={`mail-mode-${m}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Button type="submit" loading={save.isPending} disabled={!data} w="fit-content">
            {tAll("common.save")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
