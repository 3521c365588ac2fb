"use client";

import { Alert, DataList, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconCertificate, IconDeviceMobileMessage } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import { DialogButtons } from "@/components/ui/dialog-buttons";

/** The PIN rule of the signing service: 6 to 32 digits or unaccented letters. */
export const PIN_PATTERN = /^[0-9A-Za-z]{6,32}$/;

export type CertificateSummary = { holder: string; validUntil: string };

/**
 * The PIN that unlocks a signing key, asked in a dialog that says whose certificate it opens and
 * until when it is valid. A certificate whose PIN was never chosen has it chosen here first
 * (typed twice); the caller then sets it and signs with it. The server's verdict on the PIN
 * ("wrong PIN, N attempts left") shows at the field. A key held by a remote signing service
 * asks no PIN: the dialog says to approve on the phone, and submits an empty PIN.
 */
export function PinDialog({
  title,
  intro,
  certificate,
  choosing,
  remoteService,
  submitLabel,
  pending,
  disabled,
  pinError,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  intro?: ReactNode;
  certificate: CertificateSummary;
  /** No PIN yet: the holder chooses one, twice. */
  choosing: boolean;
  /** The remote signing service that holds the key, if it is not kept here. */
  remoteService?: string | null;
  submitLabel: string;
  pending: boolean;
  /** Nothing to sign yet (a batch with no document chosen). */
  disabled?: boolean;
  /** The server's refusal of the PIN, shown at the field. */
  pinError?: string | null;
  /** Any other refusal (key locked, certificate expired), above the buttons. */
  error?: string | null;
  onSubmit: (pin: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("outgoingPage.pin");
  const tp = useTranslations("outgoingPage");
  const form = useForm({
    initialValues: { pin: "", repeat: "" },
    validate: {
      pin: (v) => (remoteService || PIN_PATTERN.test(v) ? null : t(v ? "format" : "required")),
      repeat: (v, values) => (choosing && v !== values.pin ? t("mismatch") : null),
    },
  });
  const { setFieldError } = form;
  useEffect(() => {
    if (pinError) setFieldError("pin", pinError);
  }, [pinError, setFieldError]);

  const pinProps = {
    inputMode: "numeric" as const,
    autoComplete: "off",
    autoCapitalize: "off",
    autoCorrect: "off",
    spellCheck: false,
    maxLength: 32,
    size: "md" as const,
  };
  return (
    <ActionDialog title={title} onClose={onClose} size="md">
      <form onSubmit={form.onSubmit((v) => onSubmit(v.pin))} noValidate data-testid="pin-form">
        <Stack gap="sm">
          {intro}
          <Alert
            color="gray"
            variant="light"
            icon={<IconCertificate />}
            p="xs"
            data-testid="pin-certificate"
          >
            <DataList orientation="horizontal" labelWidth={110} gap={2}>
              <DataList.Item>
                <DataList.ItemLabel>{t("holder")}</DataList.ItemLabel>
                <DataList.ItemValue>
                  <Text size="sm" fw={600}>
                    {certificate.holder}
                  </Text>
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t("validUntil")}</DataList.ItemLabel>
                <DataList.ItemValue>{certificate.validUntil}</DataList.ItemValue>
              </DataList.Item>
            </DataList>
          </Alert>
          {remoteService ? (
            <Alert
              color="blue"
              variant="light"
              icon={<IconDeviceMobileMessage />}
              data-testid="remote-sign-intro"
            >
              {tp("remoteIntro", { service: remoteService, holder: certificate.holder })}
            </Alert>
          ) : (
            <>
              {choosing && (
                <Text size="sm" data-testid="pin-choose-hint">
                  {t("chooseHint")}
                </Text>
              )}
              <PasswordInput
                label={t(choosing ? "choose" : "enter")}
                description={choosing ? t("rule") : undefined}
                required
                data-autofocus
                data-testid="pin-input"
                {...pinProps}
                {...form.getInputProps("pin")}
              />
              {choosing && (
                <PasswordInput
                  label={t("repeat")}
                  required
                  data-testid="pin-repeat"
                  {...pinProps}
                  {...form.getInputProps("repeat")}
                />
              )}
            </>
          )}
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} data-testid="pin-error">
              {error}
            </Alert>
          )}
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={submitLabel}
          pending={pending}
          disabled={disabled}
          testId="pin-submit"
        />
      </form>
    </ActionDialog>
  );
}
