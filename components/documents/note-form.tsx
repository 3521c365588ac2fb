"use client";

import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconAlertCircle, IconCheck, IconPaperclip, IconX } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ActionDialog } from "./action-dialog";
import { formatFileSize } from "./document-format";
import type { AssignmentView, DocumentInfo, ReplyView } from "./document-types";
import { uploadFile, UploadError, type UploadedFile } from "./upload-file";
import { useDocumentAction } from "./use-document-action";

const MAX_FILES = 10;

type Upload = {
  key: string;
  name: string;
  size: number;
  progress: number;
  done?: UploadedFile;
  error?: string;
};

/**
 * A progress note, or with `part` the result of that part for whoever assigned it to review; files
 * are uploaded as soon as they are chosen so sending is quick.
 */
export function NoteForm({
  doc,
  part,
  replies = [],
  onClose,
}: {
  doc: DocumentInfo;
  part?: AssignmentView;
  /** The outgoing documents drafted as this one's answer: a result may name one. */
  replies?: ReplyView[];
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const locale = useLocale();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const aborts = useRef(new Map<string, AbortController>());
  // The reply issued, if there is exactly one, is what a result usually reports.
  const issued = replies.filter((r) => r.status === "issued");
  const form = useForm({
    initialValues: {
      note: "",
      replyDocumentId: issued.length === 1 ? issued[0]!.id : (null as string | null),
    },
    validate: { note: (v) => (v.trim() ? null : tv("required")) },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form });

  const update = (key: string, patch: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const add = (files: File[]) => {
    const room = MAX_FILES - uploads.length;
    for (const file of files.slice(0, Math.max(0, room))) {
      const key = randomId();
      const controller = new AbortController();
      aborts.current.set(key, controller);
      setUploads((list) => [...list, { key, name: file.name, size: file.size, progress: 0 }]);
      uploadFile(file, (progress) => update(key, { progress }), controller.signal)
        .then((done) => update(key, { done, progress: 1 }))
        .catch((error: unknown) => {
          if (error instanceof UploadError)
            update(key, { error: error.message || t("uploadFailed") });
        })
        .finally(() => aborts.current.delete(key));
    }
  };
  const remove = (key: string) => {
    aborts.current.get(key)?.abort();
    setUploads((list) => list.filter((u) => u.key !== key));
  };

  const uploading = uploads.some((u) => !u.done && !u.error);
  const failed = uploads.some((u) => u.error);
  const submit = form.onSubmit((v) => {
    const files = uploads.flatMap((u) =>
      u.done ? [{ sha256: u.done.sha256, fileName: u.done.fileName }] : [],
    );
    if (part) {
      act(
        {
          action: "submitResult",
          assignmentId: part.id,
          result: v.note.trim(),
          files,
          replyDocumentId: v.replyDocumentId,
        },
        t("submitResultDone"),
      );
    } else {
      act({ action: "addNote", note: v.note.trim(), files }, t("noteDone"));
    }
  });

  return (
    <ActionDialog title={t(part ? "submitResultTitle" : "noteTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid={part ? "result-form" : "note-form"}>
        <Stack gap="sm">
          {part && (
            <Text size="sm" c="dimmed">
              {t("submitResultHint")}
            </Text>
          )}
          <Textarea
            label={t(part ? "result" : "noteText")}
            placeholder={t(part ? "resultPlaceholder" : "notePlaceholder")}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            data-testid="note-text"
            {...form.getInputProps("note")}
          />
          {part && replies.length > 0 && (
            <Select
              label={t("replyDocument")}
              description={t("replyDocumentHint")}
              placeholder={t("replyDocumentNone")}
              clearable
              data={replies.map((r) => ({
                value: r.id,
                label: r.numberNotation ? `${r.numberNotation}: ${r.subject}` : r.subject,
              }))}
              comboboxProps={{ withinPortal: true }}
              data-testid="result-reply"
              {...form.getInputProps("replyDocumentId")}
            />
          )}
          <Stack gap={6}>
            {uploads.map((u) => (
              <Stack key={u.key} gap={4} data-testid="note-upload">
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    {u.error ? (
                      <IconAlertCircle size={16} color="var(--mantine-color-red-6)" />
                    ) : u.done ? (
                      <IconCheck size={16} color="var(--mantine-color-green-6)" />
                    ) : (
                      <IconPaperclip size={16} />
                    )}
                    <Text size="sm" truncate>
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      {formatFileSize(u.size, locale)}
                    </Text>
                  </Group>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("removeFile", { name: u.name })}
                    onClick={() => remove(u.key)}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
                {u.error ? (
                  <Text size="xs" c="red">
                    {u.error}
                  </Text>
                ) : (
                  !u.done && <Progress value={u.progress * 100} size="sm" animated />
                )}
              </Stack>
            ))}
          </Stack>
          <Group>
            <FileButton onChange={add} multiple>
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  size="xs"
                  leftSection={<IconPaperclip size={14} />}
                  disabled={uploads.length >= MAX_FILES}
                  data-testid="note-add-file"
                >
                  {t("addFiles")}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t("filesLimit", { max: MAX_FILES })}
            </Text>
          </Group>
          {failed && (
            <Text size="sm" c="red">
              {t("removeFailedFiles")}
            </Text>
          )}
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={uploading ? t("waitUploads") : t(part ? "submitResultSubmit" : "noteSubmit")}
          pending={pending}
          disabled={uploading || failed}
          testId="note-submit"
        />
      </form>
    </ActionDialog>
  );
}
