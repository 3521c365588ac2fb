"use client";

import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleCheck, IconFileText, IconPlus } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";

export type Registered = {
  id: string;
  registryNumber: number;
  arrivalDate: string;
  numberNotation: string;
  issuer: string;
  subject: string;
};

/** After saving: the arrival number to write on the paper copy, and where to go next. */
export function ReceptionDone({
  registered,
  onAnother,
}: {
  registered: Registered;
  onAnother: () => void;
}) {
  const t = useTranslations("reception");
  return (
    <Paper withBorder p="lg" maw={760} data-testid="reception-done">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green" variant="light" size={44} radius="xl">
            <IconCircleCheck size={28} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={3}>{t("registeredTitle")}</Title>
            <Text fw={600} size="lg" data-testid="registered-number">
              {t("registeredSummary", {
                registryNumber: registered.registryNumber,
                arrivalDate: formatDate(registered.arrivalDate),
              })}
            </Text>
          </Stack>
        </Group>
        <Stack gap={2}>
          <Text size="sm">
            {[registered.numberNotation, registered.issuer].filter(Boolean).join(" — ")}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={3}>
            {registered.subject}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={onAnother}
            data-autofocus
            autoFocus
            data-testid="receive-another"
          >
            {t("receiveAnother")}
          </Button>
          <Button
            component={Link}
            href={`/documents/${registered.id}`}
            variant="default"
            leftSection={<IconFileText size={18} />}
            data-testid="open-registered"
          >
            {t("openDocument")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
