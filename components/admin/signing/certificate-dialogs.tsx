"use client";

import { Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import type { CertificateRow } from "./certificates-table";

const holderOf = (c: CertificateRow) => c.holderName ?? c.subjectName;

/**
 * Revokes a certificate, for a reason the admin must give (it goes into the audit log); the
 * version seen is sent, so a certificate renewed or revoked meanwhile is not revoked blindly.
 */
export function RevokeCertificateModal({
  certificate,
  onClose,
}: {
  certificate: CertificateRow;
  onClose: () => void;
}) {
  const t = useTranslations("signingAdmin.revokeForm");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim() ? null : tv("required")) },
  });
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.signing.list.pathKey()],
    onClose,
    errorMessage: t("failed"),
    form,
  });
  const revoke = useMutation(
    trpc.signing.revoke.mutationOptions({
      onSuccess: () => succeed(t("done", { name: holderOf(certificate) })),
      onError: fail,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t("title")} size="lg" centered>
      <form
        noValidate
        data-testid="revoke-form"
        onSubmit={form.onSubmit((v) =>
          revoke.mutate({
            certificateId: certificate.id,
            version: certificate.version,
            reason: v.reason,
          }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t("intro", { name: holderOf(certificate), serial: certificate.serial })}
          </Text>
          <Textarea
            label={t("reason")}
            placeholder={t("reasonPlaceholder")}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            data-testid="revoke-reason"
            {...form.getInputProps("reason")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submit")}
            color="red"
            pending={revoke.isPending}
            testId="revoke-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Renews a certificate: a new key for the same holder and title; the old one is superseded. */
export function RenewCertificateDialog({
  certificate,
  onClose,
}: {
  certificate: CertificateRow;
  onClose: () => void;
}) {
  const t = useTranslations("signingAdmin.renewForm");
  const trpc = useTRPC();
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.signing.list.pathKey()],
    onClose,
    errorMessage: t("failed"),
  });
  const renew = useMutation(
    trpc.signing.renew.mutationOptions({
      onSuccess: (renewed) => succeed(t("done", { serial: renewed.serial })),
      onError: fail,
    }),
  );
  return (
    <ConfirmDialog
      title={t("title")}
      message={t("confirm", { name: holderOf(certificate) })}
      confirmLabel={t("submit")}
      color="blue"
      pending={renew.isPending}
      testId="renew-submit"
      onConfirm={() =>
        renew.mutate({ certificateId: certificate.id, version: certificate.version })
      }
      onClose={onClose}
    />
  );
}
