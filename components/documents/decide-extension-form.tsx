"use client";

import { Alert, Blockquote, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslations } from "next-intl";
import { vietnamToday } from "@/lib/dates";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { DateField } from "@/components/ui/date-field";
import { ActionDialog } from "./action-dialog";
import { formatDate } from "./document-format";
import type { DocumentInfo, ExtensionView } from "./document-types";
import { useDocumentAction } from "./use-document-action";

/** The leader agrees to a new deadline (the one asked for, or another) or refuses it. */
export function DecideExtensionForm({
  doc,
  request,
  partName,
  onClose,
}: {
  doc: DocumentInfo;
  request: ExtensionView;
  partName: string;
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const form = useForm({
    initialValues: {
      decision: "approve" as "approve" | "refuse",
      deadline: request.requestedDeadline as string | null,
      note: "",
    },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const approve = form.values.decision === "approve";
  const submit = form.onSubmit((v) =>
    act(
      {
        action: "decideExtension",
        requestId: request.id,
        approve: v.decision === "approve",
        deadline: v.decision === "approve" ? v.deadline : null,
        note: v.note.trim() || undefined,
      },
      t(v.decision === "approve" ? "extensionApprovedDone" : "extensionRefusedDone"),
    ),
  );
  return (
    <ActionDialog title={t("decideTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="decide-form">
        <Stack gap="sm">
          <Text size="sm">
            {t("decideSummary", {
              who: request.requestedBy,
              part: partName,
              from: request.currentDeadline ? formatDate(request.currentDeadline) : t("noDeadline"),
              to: formatDate(request.requestedDeadline),
            })}
          </Text>
          <Blockquote p="sm" color="gray" fz="sm">
            {request.reason}
          </Blockquote>
          <SegmentedControl
            fullWidth
            data={[
              { value: "approve", label: t("approve") },
              { value: "refuse", label: t("refuse") },
            ]}
            data-testid="decide-choice"
            {...form.getInputProps("decision")}
          />
          {approve && (
            <DateField
              label={t("grantedDeadline")}
              description={t("grantedDeadlineHint")}
              minDate={vietnamToday()}
              {...form.getInputProps("deadline")}
            />
          )}
          {approve &&
            doc.issuerDeadline &&
            (form.values.deadline ?? request.requestedDeadline) > doc.issuerDeadline && (
              <Alert color="orange" variant="light" data-testid="extension-past-issuer">
                {t("pastIssuerDeadline", { date: formatDate(doc.issuerDeadline) })}
              </Alert>
            )}
          <Textarea
            label={t("decisionNote")}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps("note")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t(approve ? "approveSubmit" : "refuseSubmit")}
          pending={pending}
          color={approve ? "green" : "red"}
          testId="decide-submit"
        />
      </form>
    </ActionDialog>
  );
}
