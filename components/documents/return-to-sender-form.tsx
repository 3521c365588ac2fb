"use client";

import { Alert, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ActionDialog } from "./action-dialog";
import type { DocumentInfo } from "./document-types";
import { useDocumentAction } from "./use-document-action";

/**
 * The clerk sends a misaddressed or invalid document back to its sender. It ends the document's
 * life here, so the reason is required and the clerk confirms once more.
 */
export function ReturnToSenderForm({ doc, onClose }: { doc: DocumentInfo; onClose: () => void }) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim() ? null : tv("required")) },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const submit = form.onSubmit((v) => {
    if (!confirming) setConfirming(true);
    else act({ action: "returnToSender", reason: v.reason.trim() }, t("returnToSenderDone"));
  });
  return (
    <ActionDialog title={t("returnToSenderTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="return-sender-form">
        <Stack gap="sm">
          <Text size="sm">{t("returnToSenderHint", { issuer: doc.issuerName })}</Text>
          <Textarea
            label={t("returnToSenderReason")}
            placeholder={t("returnToSenderPlaceholder")}
            required
            autosize
            minRows={3}
            maxLength={1000}
            readOnly={confirming}
            data-autofocus
            data-testid="return-sender-reason"
            {...form.getInputProps("reason")}
          />
          {confirming && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t("returnToSenderConfirmTitle")}>
              {t("returnToSenderConfirm", { issuer: doc.issuerName })}
            </Alert>
          )}
        </Stack>
        <DialogButtons
          onCancel={confirming ? () => setConfirming(false) : onClose}
          cancelLabel={confirming ? t("back") : undefined}
          submitLabel={t(confirming ? "returnToSenderConfirmSubmit" : "returnToSenderSubmit")}
          pending={pending}
          color="red"
          testId="return-sender-submit"
        />
      </form>
    </ActionDialog>
  );
}
