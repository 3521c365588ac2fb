"use client";

import {
  ActionIcon,
  Badge,
  Box,
  Code,
  CopyButton,
  Group,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import {
  IconAlertCircle,
  IconCheck,
  IconCopy,
  IconFile,
  IconFileTypePdf,
  IconX,
} from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { formatFileSize } from "@/components/documents/document-format";
import { SignatureVerdicts } from "@/components/documents/signature-verdicts";
import type { UploadEntry } from "./use-uploads";

/** The first characters of the hash, with the whole of it one click away. */
function Fingerprint({ sha256 }: { sha256: string }) {
  const t = useTranslations("reception");
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        SHA-256:
      </Text>
      <Tooltip label={sha256} multiline maw={320} style={{ wordBreak: "break-all" }}>
        <Code data-testid="file-sha256" style={{ whiteSpace: "nowrap" }}>
          {`${sha256.slice(0, 8)}…${sha256.slice(-6)}`}
        </Code>
      </Tooltip>
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("copied") : t("copyHash")}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color={copied ? "teal" : "gray"}
              onClick={copy}
              aria-label={t("copyHash")}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** One file of the reception: its upload, what the server found in it, and whether it is the main text. */
export function UploadedFileRow({
  entry,
  isMain,
  canBeMain,
  error,
  onRemove,
}: {
  entry: UploadEntry;
  isMain: boolean;
  canBeMain: boolean;
  error: string | null;
  onRemove: () => void;
}) {
  const t = useTranslations("reception");
  const locale = useLocale();
  const name = entry.result?.fileName ?? entry.name;
  const isPdf = entry.result ? entry.result.mimeType === "application/pdf" : /\.pdf$/i.test(name);
  const pages = entry.result?.pageCount;
  const meta = [formatFileSize(entry.result?.size ?? entry.size, locale)];
  if (pages) meta.push(t("pages", { count: pages }));
  const radio = <Radio value={entry.key} disabled={!canBeMain} aria-label={t("markMain")} mt={2} />;

  return (
    <Paper
      withBorder
      p="xs"
      bd={error ? "1px solid var(--mantine-color-red-5)" : undefined}
      data-testid="reception-file"
      data-status={entry.status}
      data-main={isMain || undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {entry.status === "failed" ? (
          <Box w={20} style={{ flexShrink: 0 }} />
        ) : canBeMain ? (
          radio
        ) : (
          <Tooltip label={t("mainOnlyPdf")}>{radio}</Tooltip>
        )}
        {isPdf ? (
          <IconFileTypePdf size={22} style={{ flexShrink: 0 }} />
        ) : (
          <IconFile size={22} style={{ flexShrink: 0 }} />
        )}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate title={name}>
            {name}
          </Text>
          <Group gap={6} wrap="wrap" style={{ rowGap: 2 }}>
            {entry.status !== "failed" && (
              <Badge
                size="sm"
                variant={isMain ? "filled" : "light"}
                color={isMain ? "indigo" : "gray"}
                style={{ flexShrink: 0 }}
              >
                {t(isMain ? "fileKinds.main" : "fileKinds.attachment")}
              </Badge>
            )}
            <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {meta.join(" · ")}
            </Text>
          </Group>
          {entry.status === "uploading" && (
            <Stack gap={2}>
              <Progress
                value={Math.round(entry.progress * 100)}
                size="sm"
                animated
                aria-label={t("uploading", { percent: Math.round(entry.progress * 100) })}
              />
              <Text size="xs" c="dimmed">
                {t("uploading", { percent: Math.round(entry.progress * 100) })}
              </Text>
            </Stack>
          )}
          {entry.status === "done" && entry.result && <Fingerprint sha256={entry.result.sha256} />}
          {entry.status === "done" && <SignatureVerdicts check={entry.result?.signatures} />}
          {error && (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconAlertCircle
                size={14}
                color="var(--mantine-color-red-6)"
                style={{ flexShrink: 0, marginTop: 2 }}
              />
              <Text size="xs" c="red.7" data-testid="file-error" data-field-error>
                {error}
              </Text>
            </Group>
          )}
        </Stack>
        <Tooltip label={t("removeFile", { name })}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={t("removeFile", { name })}
            data-testid="remove-file"
          >
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Paper>
  );
}
