"use client";

import { ActionIcon, Anchor, Button, Card, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFile, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, formatFileSize } from "@/components/documents/document-format";
import { DraftAttachments } from "@/components/outgoing/draft-attachments";
import { useTRPC } from "@/components/providers/trpc";
import { useUploads } from "@/components/reception/use-uploads";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import type { TaskDetail } from "@/server/tasks/detail";

type TaskFile = TaskDetail["files"][number];

const fileHref = (taskId: string, f: TaskFile) => `/api/tasks/${taskId}/files/${f.sha256}`;

/**
 * The task's files, each downloadable; while the task is open, its assigner and the people
 * working on it add files, and the one who added a file (or the assigner) removes it.
 */
export function TaskFiles({ task }: { task: TaskDetail }) {
  const t = useTranslations("tasksUi");
  const tAll = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const [removing, setRemoving] = useState<TaskFile | null>(null);
  const uploads = useUploads({
    failed: tAll("files.uploadFailed"),
    duplicate: (name) => tAll("outgoingDraft.duplicateAttachment", { name }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
  const add = useMutation(
    trpc.tasks.addFiles.mutationOptions({
      onSuccess: () => {
        uploads.clear();
        setError(undefined);
        notifications.show({ color: "green", message: t("filesAdded") });
      },
      onError: (e) => {
        setError(fieldErrorsOf(e).files);
        showServerError(e, tAll("errors.internal"));
      },
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.tasks.removeFile.mutationOptions({
      onSuccess: () => {
        setRemoving(null);
        notifications.show({ color: "green", message: t("fileRemoved") });
      },
      onError: (e) => showServerError(e, tAll("errors.internal")),
      onSettled: refresh,
    }),
  );
  const attach = () => {
    if (uploads.pending) return setError(tAll("outgoingDraft.attachmentsPending"));
    if (uploads.failed) return setError(tAll("outgoingDraft.attachmentsFailed"));
    if (uploads.attached.length === 0 || add.isPending) return;
    add.mutate({
      taskId: task.id,
      files: uploads.attached.map(({ sha256, fileName }) => ({ sha256, fileName })),
    });
  };

  return (
    <Card withBorder data-testid="task-files">
      <Title order={3} size="h5" mb="xs">
        {t("files")}
      </Title>
      <Stack gap={6}>
        {task.files.length === 0 && (
          <Text size="sm" c="dimmed">
            {task.canAddFiles ? t("noFiles") : t("noFilesClosed")}
          </Text>
        )}
        {task.files.map((f) => (
          <Paper key={f.id} withBorder px="xs" py={6} data-testid="task-file">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconFile size={20} style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Anchor
                  href={fileHref(task.id, f)}
                  size="sm"
                  fw={500}
                  style={{ overflowWrap: "anywhere" }}
                  data-testid="task-file-link"
                >
                  {f.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t("fileMeta", {
                    size: formatFileSize(f.size, locale),
                    name: f.uploadedByName,
                    when: formatDateTime(f.createdAt),
                  })}
                </Text>
              </Stack>
              <ActionIcon
                component="a"
                href={fileHref(task.id, f)}
                download={f.fileName}
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t("downloadFile", { name: f.fileName })}
              >
                <IconDownload size={18} />
              </ActionIcon>
              {f.canRemove && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => setRemoving(f)}
                  aria-label={t("removeFile", { name: f.fileName })}
                  data-testid="task-file-remove"
                >
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))}
        {task.canAddFiles && (
          <>
            <DraftAttachments
              kept={[]}
              onKeptChange={() => undefined}
              uploads={uploads}
              error={error}
            />
            {uploads.entries.length > 0 && (
              <Group justify="flex-end">
                <Button
                  onClick={attach}
                  loading={add.isPending}
                  disabled={uploads.pending}
                  data-testid="task-files-attach"
                >
                  {t("attachFiles")}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      {removing && (
        <ConfirmDialog
          title={t("removeFileTitle")}
          message={t("removeFileConfirm", { name: removing.fileName })}
          confirmLabel={tAll("common.confirm")}
          color="red"
          pending={remove.isPending}
          testId="task-file-remove-confirm"
          onConfirm={() => remove.mutate({ taskId: task.id, fileId: removing.id })}
          onClose={() => setRemoving(null)}
        />
      )}
    </Card>
  );
}
