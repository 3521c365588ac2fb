"use client";

import { Alert, Select, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslations } from "next-intl";
import { vietnamToday } from "@/lib/dates";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { DateField } from "@/components/ui/date-field";
import { ActionDialog } from "./action-dialog";
import { formatDate } from "./document-format";
import type { AssignmentView, DocumentInfo, StaffDirectory } from "./document-types";
import { useDocumentAction } from "./use-document-action";

type PartFormProps = {
  doc: DocumentInfo;
  part: AssignmentView;
  onClose: () => void;
};

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** A unit head passes the unit's part to one of the unit's staff, by the unit's deadline at the latest. */
export function AssignSpecialistForm({
  doc,
  part,
  directory,
  currentUserId,
  onClose,
}: PartFormProps & { directory: StaffDirectory; currentUserId: string }) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const today = vietnamToday();
  const staff = (directory.units.find((u) => u.id === part.unitId)?.staff ?? [])
    .filter((p) => p.id !== currentUserId)
    .sort(
      (a, b) => Number(b.roles.includes("specialist")) - Number(a.roles.includes("specialist")),
    );
  const form = useForm({
    initialValues: {
      userId: staff.length === 1 ? staff[0]!.id : (null as string | null),
      deadline: part.deadline && part.deadline >= today ? part.deadline : null,
      note: "",
    },
    validate: { userId: (v) => (v ? null : tv("required")) },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const submit = form.onSubmit((v) =>
    act(
      {
        action: "assignToSpecialist",
        assignmentId: part.id,
        userId: v.userId!,
        deadline: v.deadline,
        note: v.note.trim() || undefined,
      },
      t("assignDone"),
    ),
  );
  return (
    <ActionDialog title={t("assignTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="assign-form">
        <Stack gap="sm">
          {part.deadline && (
            <Text size="sm" c="dimmed">
              {t("unitDeadline", { deadline: formatDate(part.deadline) })}
            </Text>
          )}
          {staff.length === 0 && (
            <Alert color="orange" variant="light">
              {t("noStaffInUnit")}
            </Alert>
          )}
          <Select
            label={t("specialist")}
            required
            data={staff.map((p) => ({
              value: p.id,
              label: p.jobTitle ? `${p.fullName} — ${p.jobTitle}` : p.fullName,
            }))}
            searchable
            comboboxProps={{ withinPortal: true }}
            allowDeselect={false}
            data-testid="assign-user"
            {...form.getInputProps("userId")}
          />
          <DateField
            label={t("deadline")}
            minDate={today}
            maxDate={part.deadline ?? undefined}
            {...form.getInputProps("deadline")}
          />
          <Textarea
            label={t("assignNote")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("note")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("assignSubmit")}
          pending={pending}
          testId="assign-submit"
        />
      </form>
    </ActionDialog>
  );
}

/**
 * Asks for more time. A specialist's part moves with the unit's, so the request is about the
 * unit's deadline (`currentDeadline`).
 */
export function RequestExtensionForm({
  doc,
  part,
  currentDeadline,
  onClose,
}: PartFormProps & { currentDeadline: string | null }) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const today = vietnamToday();
  const earliest = currentDeadline && currentDeadline >= today ? nextDay(currentDeadline) : today;
  const form = useForm({
    initialValues: { requestedDeadline: null as string | null, reason: "" },
    validate: {
      requestedDeadline: (v) => (v ? null : tv("required")),
      reason: (v) => (v.trim() ? null : tv("required")),
    },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const submit = form.onSubmit((v) =>
    act(
      {
        action: "requestExtension",
        assignmentId: part.id,
        requestedDeadline: v.requestedDeadline!,
        reason: v.reason.trim(),
      },
      t("extensionRequestDone"),
    ),
  );
  return (
    <ActionDialog title={t("extensionRequestTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="extension-form">
        <Stack gap="sm">
          <Text size="sm">
            {currentDeadline
              ? t("currentDeadline", { deadline: formatDate(currentDeadline) })
              : t("noCurrentDeadline")}
          </Text>
          <DateField
            label={t("requestedDeadline")}
            required
            minDate={earliest}
            data-testid="extension-date"
            {...form.getInputProps("requestedDeadline")}
          />
          <Textarea
            label={t("extensionReason")}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-testid="extension-reason"
            {...form.getInputProps("reason")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("extensionRequestSubmit")}
          pending={pending}
          testId="extension-submit"
        />
      </form>
    </ActionDialog>
  );
}

/** Gives the part back with a reason: to the unit head, or to the leader who directed it. */
export function ReturnPartForm({ doc, part, onClose }: PartFormProps) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim() ? null : tv("required")) },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const hint = part.parentId
    ? "returnToUnitHint"
    : part.role === "lead"
      ? "returnLeadHint"
      : "returnCoHint";
  const submit = form.onSubmit((v) =>
    act(
      { action: "returnToLeader", assignmentId: part.id, reason: v.reason.trim() },
      t("returnDone"),
    ),
  );
  return (
    <ActionDialog title={t("returnTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="return-form">
        <Stack gap="sm">
          <Alert color="orange" variant="light">
            {t(hint)}
          </Alert>
          <Textarea
            label={t("returnReason")}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            data-testid="return-reason"
            {...form.getInputProps("reason")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("returnSubmit")}
          pending={pending}
          color="orange"
          testId="return-submit"
        />
      </form>
    </ActionDialog>
  );
}
