"use client";

import { Alert, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslations } from "next-intl";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { sortByRank } from "@/lib/rank";
import { ActionDialog } from "./action-dialog";
import type { DocumentInfo, StaffDirectory } from "./document-types";
import { useDocumentAction } from "./use-document-action";

/** The clerk presents the document to a leader for direction. */
export function PresentForm({
  doc,
  directory,
  onClose,
}: {
  doc: DocumentInfo;
  directory: StaffDirectory;
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const leaders = sortByRank(directory.leadership);
  const form = useForm({
    initialValues: {
      leaderId: doc.presentedToId ?? (leaders.length === 1 ? leaders[0]!.id : null),
      note: "",
    },
    validate: { leaderId: (v) => (v ? null : tv("required")) },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });
  const submit = form.onSubmit((v) =>
    act(
      { action: "present", leaderId: v.leaderId!, note: v.note.trim() || undefined },
      t("presentDone"),
    ),
  );
  return (
    <ActionDialog title={t("presentTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="present-form">
        <Stack gap="sm">
          {leaders.length === 0 && (
            <Alert color="orange" variant="light">
              {t("noLeaders")}
            </Alert>
          )}
          <Select
            label={t("leader")}
            required
            data={leaders.map((p) => ({
              value: p.id,
              label: p.jobTitle ? `${p.fullName} — ${p.jobTitle}` : p.fullName,
            }))}
            searchable
            comboboxProps={{ withinPortal: true }}
            allowDeselect={false}
            data-testid="present-leader"
            {...form.getInputProps("leaderId")}
          />
          <Textarea
            label={t("presentNote")}
            placeholder={t("presentNotePlaceholder")}
            autosize
            minRows={2}
            maxLength={2000}
            data-testid="present-note"
            {...form.getInputProps("note")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("presentSubmit")}
          pending={pending}
          testId="present-submit"
        />
      </form>
    </ActionDialog>
  );
}
