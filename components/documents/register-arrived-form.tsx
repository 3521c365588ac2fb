"use client";

import { Alert, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInbox } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { RegistryField } from "@/components/reception/registry-field";
import { DateField } from "@/components/ui/date-field";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { vietnamToday } from "@/lib/dates";
import { formatNumberNotation, isSecret } from "@/lib/documents";
import { ActionDialog } from "./action-dialog";
import { formatDate } from "./document-format";
import type { DocumentInfo } from "./document-types";
import { useDocumentAction } from "./use-document-action";

/**
 * The clerk registers a document that arrived electronically: its number, date, issuer, type,
 * subject and signed file came with it, so only the book (the default one chosen), an internal
 * deadline if any, and a note are asked.
 */
export function RegisterArrivedForm({ doc, onClose }: { doc: DocumentInfo; onClose: () => void }) {
  const t = useTranslations("documentPage");
  const form = useForm<{ registryId: string | null; deadline: string | null; notes: string }>({
    initialValues: { registryId: null, deadline: null, notes: "" },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const submit = form.onSubmit((v) =>
    act(
      {
        action: "register",
        registryId: v.registryId,
        deadline: v.deadline,
        notes: v.notes.trim() || null,
      },
      t("registerDone"),
    ),
  );
  const numberNotation = formatNumberNotation(doc.codeNumber, doc.codeNotation);
  return (
    <ActionDialog title={t("registerTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="register-form">
        <Stack gap="sm">
          <Alert color="blue" variant="light" icon={<IconInbox />} p="sm">
            <Text size="sm" fw={600}>
              {t("registerCame", { issuer: doc.issuerName })}
            </Text>
            <Text size="sm">
              {[numberNotation, doc.documentDate ? formatDate(doc.documentDate) : null]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {doc.subject}
            </Text>
          </Alert>
          <RegistryField
            kind={isSecret(doc.confidentiality) ? "secret" : "incoming"}
            value={form.values.registryId}
            error={form.errors.registryId as string | undefined}
            onChange={(id) => form.setFieldValue("registryId", id)}
          />
          <DateField
            label={t("registerDeadline")}
            description={t("registerDeadlineHint")}
            minDate={vietnamToday()}
            {...form.getInputProps("deadline")}
          />
          <Textarea
            label={t("registerNotes")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("notes")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("registerSubmit")}
          pending={pending}
          testId="register-submit"
        />
      </form>
    </ActionDialog>
  );
}
