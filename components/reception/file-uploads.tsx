"use client";

import "@mantine/dropzone/styles.css";
import { Group, Input, Radio, Stack, Text } from "@mantine/core";
import { Dropzone, type FileRejection } from "@mantine/dropzone";
import { IconBan, IconUpload } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { UploadedFileRow } from "./uploaded-file-row";
import type { Uploads } from "./use-uploads";

/** The types public bodies exchange (server/files/file-type.ts has the final word on the bytes). */
const accept = {
  "application/pdf": [".pdf"],
  "application/msword": [".doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.oasis.opendocument.text": [".odt"],
  "application/vnd.oasis.opendocument.spreadsheet": [".ods"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "application/zip": [".zip"],
  "application/x-zip-compressed": [".zip"],
};

/**
 * Drop zone and list of the reception's files. `errors` holds the form's errors: `files` for
 * the set as a whole, `files.N.*` for the N-th file sent.
 */
export function FileUploads({
  uploads,
  errors,
  onChange,
}: {
  uploads: Uploads;
  errors: Record<string, unknown>;
  /** Called when the set of files changes, so that errors about the old set can go. */
  onChange: () => void;
}) {
  const t = useTranslations();
  const setError = errors.files as string | undefined;
  const fileError = (key: string) => {
    const i = uploads.attachedIndex.get(key);
    if (i === undefined) return null;
    const found = Object.entries(errors).find(([field]) => field.startsWith(`files.${i}.`));
    return (found?.[1] as string | undefined) ?? null;
  };
  const rejected = (rejections: FileRejection[]) => {
    uploads.reject(
      rejections.map((r) => r.file),
      t("files.typeNotAllowed"),
    );
    onChange();
  };

  return (
    <Stack gap="sm">
      <Dropzone
        onDrop={(files) => {
          uploads.add(files);
          onChange();
        }}
        onReject={rejected}
        accept={accept}
        multiple
        p="md"
        data-testid="reception-dropzone"
        inputProps={{ "aria-label": t("reception.dropTitle") } as object}
      >
        <Group justify="center" gap="md" wrap="nowrap" mih={64} style={{ pointerEvents: "none" }}>
          <Dropzone.Accept>
            <IconUpload size={36} color="var(--mantine-color-indigo-6)" style={{ flexShrink: 0 }} />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconBan size={36} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconUpload size={36} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
          </Dropzone.Idle>
          <Stack gap={2}>
            <Text fw={600}>{t("reception.dropTitle")}</Text>
            <Text size="sm" c="dimmed">
              {t("reception.dropHint")}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {setError && (
        <Input.Error data-testid="files-error" data-field-error>
          {setError}
        </Input.Error>
      )}
      {uploads.entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="files-empty">
          {t("reception.noFilesYet")}
        </Text>
      ) : (
        <Radio.Group
          value={uploads.mainKey}
          onChange={(key) => {
            uploads.setMain(key);
            onChange();
          }}
          aria-label={t("reception.mainFile")}
        >
          <Stack gap="xs" data-testid="reception-files">
            {uploads.entries.map((entry) => (
              <UploadedFileRow
                key={entry.key}
                entry={entry}
                isMain={entry.key === uploads.mainKey}
                canBeMain={uploads.canBeMain(entry)}
                error={entry.error ?? fileError(entry.key)}
                onRemove={() => {
                  uploads.remove(entry.key);
                  onChange();
                }}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
