"use client";

import { FileInput, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCertificate } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { showServerError } from "@/components/ui/server-errors";
import { P12_MAX_BYTES, P12_MAX_KB, PIN_RULE } from "@/lib/schemas/signing";

type Values = { file: File | null; password: string; pin: string; repeat: string };

/** A file's bytes as base64, without a data: prefix. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * A leader brings the key a CA issued them as a .p12 or .pfx file: the file, the password it
 * was exported with, and the PIN that will lock it here from now on. The server opens and
 * checks it; what it refuses is said at the field concerned.
 */
export function ImportCertificateModal({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: () => Promise<unknown>;
}) {
  const t = useTranslations("signingAccount.importForm");
  const tp = useTranslations("outgoingPage.pin");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm<Values>({
    initialValues: { file: null, password: "", pin: "", repeat: "" },
    validate: {
      file: (v) =>
        !v ? tv("required") : v.size > P12_MAX_BYTES ? t("tooLarge", { maxKb: P12_MAX_KB }) : null,
      password: (v) => (v ? null : tv("required")),
      pin: (v) => (PIN_RULE.test(v) ? null : tp(v ? "format" : "required")),
      repeat: (v, values) => (v === values.pin ? null : tp("mismatch")),
    },
  });
  const importCertificate = useMutation(
    trpc.signing.importCertificate.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: "green",
          message: t(result.trustAnchor === "pending" ? "donePending" : "done"),
          autoClose: 10000,
        });
        await onImported();
        onClose();
      },
      onError: (error) => showServerError(error, t("failed"), form),
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t("title")} size="lg" centered>
      <form
        noValidate
        data-testid="import-form"
        onSubmit={form.onSubmit(async (v) =>
          importCertificate.mutate({
            file: await base64Of(v.file!),
            password: v.password,
            pin: v.pin,
          }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t("intro")}</Text>
          <FileInput
            label={t("file")}
            description={t("fileHint", { maxKb: P12_MAX_KB })}
            placeholder={t("filePlaceholder")}
            accept=".p12,.pfx,application/x-pkcs12"
            leftSection={<IconCertificate size={16} />}
            clearable
            required
            data-testid="import-file"
            {...form.getInputProps("file")}
          />
          <PasswordInput
            label={t("password")}
            description={t("passwordHint")}
            required
            autoComplete="off"
            maxLength={256}
            data-testid="import-password"
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label={t("pin")}
            description={tp("rule")}
            required
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={32}
            data-testid="import-pin"
            {...form.getInputProps("pin")}
          />
          <PasswordInput
            label={t("repeat")}
            required
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={32}
            data-testid="import-pin-repeat"
            {...form.getInputProps("repeat")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submit")}
            pending={importCertificate.isPending}
            testId="import-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
