"use client";

import { Alert, Button, Card, Group, Loader, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCertificate, IconFileImport, IconKey } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { StateBadge } from "@/components/signing/state-badge";
import { useState } from "react";
import { PinDialog } from "@/components/outgoing/pin-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, messageOf } from "@/components/ui/server-errors";
import { formatDay } from "@/components/signing/certificate-dates";
import type { AppRouter } from "@/server/api/root";
import { ImportCertificateModal } from "./import-certificate-modal";

type Certificate = inferRouterOutputs<AppRouter>["signing"]["myCertificates"][number];

/**
 * "Chữ ký số của tôi": the certificates the person signs with (a leader their own, a clerk the
 * organisation's seal), whether each waits for its PIN, and for a leader a way to bring a key
 * from an outside CA.
 */
export function MySigningCard({ canImport }: { canImport: boolean }) {
  const t = useTranslations("signingAccount");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.signing.myCertificates.queryOptions());
  const [choosingPin, setChoosingPin] = useState<Certificate | null>(null);
  const [importing, setImporting] = useState(false);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.signing.myCertificates.queryKey() });
  const setPin = useMutation(
    trpc.signing.setPin.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("pinSaved") });
        setChoosingPin(null);
        await refresh();
      },
    }),
  );

  return (
    <Card withBorder padding="lg" data-testid="my-signing-card">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {t("title")}
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        {t("hint")}
      </Text>
      <Stack gap="sm">
        {mine.isPending && <Loader size="sm" aria-label={t("loading")} />}
        {mine.data?.length === 0 && (
          <Alert
            color="gray"
            variant="light"
            icon={<IconCertificate />}
            data-testid="no-certificate"
          >
            {t(canImport ? "noneLeader" : "none")}
          </Alert>
        )}
        {mine.data?.map((c) => (
          <Stack
            key={c.id}
            gap={4}
            p="sm"
            style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
            data-testid="my-certificate"
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                {c.subjectName}
              </Text>
              <Group gap={4}>
                <StateBadge color="blue">
                  {t(c.purpose === "seal" ? "seal" : "personal")}
                </StateBadge>
                {c.imported && <StateBadge color="grape">{t("imported")}</StateBadge>}
              </Group>
            </Group>
            <Text size="xs" c="dimmed">
              {t("validity", { from: formatDay(c.notBefore), to: formatDay(c.notAfter) })}
            </Text>
            <Group justify="space-between" gap="xs" wrap="wrap">
              {c.locked ? (
                <StateBadge color="orange">{t("locked")}</StateBadge>
              ) : c.pinSet ? (
                <StateBadge color="teal">{t("pinSet")}</StateBadge>
              ) : (
                <StateBadge color="yellow" testId="pin-waiting">
                  {t("pinWaiting")}
                </StateBadge>
              )}
              {!c.pinSet && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconKey size={14} />}
                  onClick={() => setChoosingPin(c)}
                  data-testid="choose-pin"
                >
                  {t("choosePin")}
                </Button>
              )}
            </Group>
          </Stack>
        ))}
        {canImport && (
          <Group>
            <Button
              variant="light"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
              data-testid="import-certificate"
            >
              {t("import")}
            </Button>
          </Group>
        )}
      </Stack>
      {choosingPin && (
        <PinDialog
          title={t("choosePinTitle")}
          certificate={{
            holder: choosingPin.subjectName,
            validUntil: formatDay(choosingPin.notAfter),
          }}
          choosing
          submitLabel={t("choosePinSubmit")}
          pending={setPin.isPending}
          pinError={setPin.error ? (fieldErrorsOf(setPin.error).pin ?? null) : null}
          error={
            setPin.error && !fieldErrorsOf(setPin.error).pin
              ? messageOf(setPin.error, t("saveError"))
              : null
          }
          onSubmit={(pin) => setPin.mutate({ certificateId: choosingPin.id, pin })}
          onClose={() => {
            setChoosingPin(null);
            setPin.reset();
          }}
        />
      )}
      {importing && (
        <ImportCertificateModal onClose={() => setImporting(false)} onImported={refresh} />
      )}
    </Card>
  );
}
