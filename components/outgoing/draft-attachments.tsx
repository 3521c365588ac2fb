"use client";

import "@mantine/dropzone/styles.css";
import { ActionIcon, Group, Input, Paper, Progress, Stack, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { IconAlertCircle, IconFile, IconPaperclip, IconX } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { formatFileSize } from "@/components/documents/document-format";
import type { Uploads } from "@/components/reception/use-uploads";

type Kept = { sha256: string; fileName: string };

function FileRow({
  name,
  meta,
  progress,
  error,
  onRemove,
}: {
  name: string;
  meta?: string;
  progress?: number;
  error?: string | null;
  onRemove: () => void;
}) {
  const t = useTranslations("outgoingDraft");
  return (
    <Paper withBorder px="sm" py={6} data-testid="draft-attachment">
      <Group gap="sm" wrap="nowrap">
        <IconFile size={20} style={{ flexShrink: 0 }} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate title={name}>
            {name}
          </Text>
          {meta && (
            <Text size="xs" c="dimmed">
              {meta}
            </Text>
          )}
          {progress !== undefined && (
            <Progress
              value={Math.round(progress * 100)}
              size="sm"
              animated
              aria-label={t("uploading", { percent: Math.round(progress * 100) })}
            />
          )}
          {error && (
            <Text size="xs" c="red.7" data-field-error>
              <IconAlertCircle size={14} style={{ verticalAlign: -2, marginRight: 4 }} />
              {error}
            </Text>
          )}
        </Stack>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="xl"
          onClick={onRemove}
          aria-label={t("removeAttachment", { name })}
        >
          <IconX size={20} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

/**
 * Files sent with the document (annexes, tables): those already saved with the draft, and new
 * ones, each uploaded as soon as it is chosen.
 */
export function DraftAttachments({
  kept,
  onKeptChange,
  uploads,
  error,
}: {
  kept: Kept[];
  onKeptChange: (kept: Kept[]) => void;
  uploads: Uploads;
  error?: string;
}) {
  const t = useTranslations("outgoingDraft");
  const tf = useTranslations("files");
  const locale = useLocale();
  return (
    <Input.Wrapper label={t("attachments")} error={error}>
      <Stack gap="xs" mt={6}>
        <Dropzone
          onDrop={uploads.add}
          onReject={(rejections) =>
            uploads.reject(
              rejections.map((r) => r.file),
              tf("typeNotAllowed"),
            )
          }
          multiple
          p="sm"
          data-testid="attachments-dropzone"
          inputProps={{ "aria-label": t("attachmentsDrop") } as object}
        >
          <Group justify="center" gap="sm" wrap="nowrap" mih={48} style={{ pointerEvents: "none" }}>
            <IconPaperclip
              size={24}
              color="var(--mantine-color-dimmed)"
              style={{ flexShrink: 0 }}
            />
            <Text size="sm">{t("attachmentsDrop")}</Text>
          </Group>
        </Dropzone>
        {kept.map((file) => (
          <FileRow
            key={file.sha256}
            name={file.fileName}
            onRemove={() => onKeptChange(kept.filter((f) => f.sha256 !== file.sha256))}
          />
        ))}
        {uploads.entries.map((entry) => (
          <FileRow
            key={entry.key}
            name={entry.result?.fileName ?? entry.name}
            meta={formatFileSize(entry.result?.size ?? entry.size, locale)}
            progress={entry.status === "uploading" ? entry.progress : undefined}
            error={entry.error}
            onRemove={() => uploads.remove(entry.key)}
          />
        ))}
      </Stack>
    </Input.Wrapper>
  );
}
