"use client";

import { Alert, MultiSelect, Paper, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslations } from "next-intl";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ActionDialog } from "./action-dialog";
import type { AssignmentView, DocumentInfo, StaffDirectory } from "./document-types";
import { targetOf, targetOptions, unitTarget, userTarget, withoutChosen } from "./target-options";
import { useDocumentAction } from "./use-document-action";

/**
 * The one who assigned a part reads its result and accepts it or sends it back with what is
 * missing. Accepting the lead's result completes the document.
 */
export function ReviewResultForm({
  doc,
  part,
  partName,
  onClose,
}: {
  doc: DocumentInfo;
  part: AssignmentView;
  partName: string;
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const form = useForm({
    initialValues: { decision: "accept" as "accept" | "sendBack", note: "" },
    validate: {
      note: (v, values) => (values.decision === "sendBack" && !v.trim() ? tv("required") : null),
    },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const accept = form.values.decision === "accept";
  const completes = accept && part.role === "lead" && !part.parentId;
  const submit = form.onSubmit((v) =>
    act(
      {
        action: "reviewResult",
        assignmentId: part.id,
        accept: v.decision === "accept",
        note: v.note.trim() || undefined,
      },
      t(v.decision === "accept" ? "reviewAccepted" : "reviewSentBack"),
    ),
  );
  return (
    <ActionDialog title={t("reviewTitle", { name: partName })} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="review-form">
        <Stack gap="sm">
          <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed" mb={4}>
              {t("result")}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="review-result-text">
              {part.result}
            </Text>
          </Paper>
          <SegmentedControl
            fullWidth
            data={[
              { value: "accept", label: t("reviewAccept") },
              { value: "sendBack", label: t("reviewSendBack") },
            ]}
            aria-label={t("reviewDecision")}
            data-testid="review-decision"
            {...form.getInputProps("decision")}
          />
          {completes && (
            <Alert color="green" variant="light">
              {t("reviewCompletesDocument")}
            </Alert>
          )}
          <Textarea
            label={t(accept ? "reviewNoteOptional" : "reviewSendBackReason")}
            required={!accept}
            autosize
            minRows={2}
            maxLength={1000}
            data-testid="review-note"
            {...form.getInputProps("note")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t(accept ? "reviewAcceptSubmit" : "reviewSendBackSubmit")}
          pending={pending}
          color={accept ? "green" : "orange"}
          testId="review-submit"
        />
      </form>
    </ActionDialog>
  );
}

/** The leader takes the direction back before anyone has acted on it, to direct it anew. */
export function WithdrawDirectionForm({
  doc,
  onClose,
}: {
  doc: DocumentInfo;
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const form = useForm({ initialValues: { reason: "" } });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const submit = form.onSubmit((v) =>
    act(
      { action: "withdrawDirection", reason: v.reason.trim() || undefined },
      t("withdrawDirectionDone"),
    ),
  );
  return (
    <ActionDialog title={t("withdrawDirectionTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="withdraw-direction-form">
        <Stack gap="sm">
          <Text size="sm">{t("withdrawDirectionHint")}</Text>
          <Textarea
            label={t("withdrawDirectionReason")}
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            {...form.getInputProps("reason")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("withdrawDirectionSubmit")}
          pending={pending}
          color="orange"
          testId="withdraw-direction-submit"
        />
      </form>
    </ActionDialog>
  );
}

/** Sends the document to more units or people for their information (chuyển để biết). */
export function ForwardForm({
  doc,
  assignments,
  directory,
  currentUserId,
  onClose,
}: {
  doc: DocumentInfo;
  assignments: AssignmentView[];
  directory: StaffDirectory;
  currentUserId: string;
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const form = useForm({
    initialValues: { info: [] as string[], note: "" },
    validate: { info: (v) => (v.length > 0 ? null : tv("required")) },
  });
  const { act, pending } = useDocumentAction(doc, {
    onClose,
    form,
    fieldOf: (f) => (f.startsWith("info") ? "info" : f),
  });
  const onDocument = assignments
    .filter((a) => a.status !== "withdrawn")
    .map((a) => (a.unitId ? unitTarget(a.unitId) : userTarget(a.userId!)));
  const options = withoutChosen(
    targetOptions(
      directory,
      { units: t("groupUnits"), people: t("groupPeople"), noHead: t("unitWithoutHead") },
      { exclude: [currentUserId] },
    ),
    onDocument,
  );
  const submit = form.onSubmit((v) =>
    act(
      { action: "forward", info: v.info.map((x) => targetOf(x)), note: v.note.trim() || undefined },
      t("forwardDone"),
    ),
  );
  return (
    <ActionDialog title={t("forwardTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="forward-form">
        <Stack gap="sm">
          <MultiSelect
            label={t("forwardTo")}
            required
            data={options}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            data-testid="forward-targets"
            {...form.getInputProps("info")}
          />
          <Textarea
            label={t("forwardNote")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("note")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("forwardSubmit")}
          pending={pending}
          testId="forward-submit"
        />
      </form>
    </ActionDialog>
  );
}
