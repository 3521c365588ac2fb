"use client";

import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import {
  IconCheck,
  IconCopy,
  IconDownload,
  IconExternalLink,
  IconFile,
  IconFileTypePdf,
} from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { SignatureVerdicts } from "./signature-verdicts";
import { fileUrl, formatDateTime, formatFileSize, previewUrl, viewerUrl } from "./document-format";
import { PrintButtons, stampLayers, type DocumentPrints } from "./document-prints";
import type { DocumentFileView } from "./document-types";
import { PdfViewer } from "./pdf-viewer";

const isPdf = (f: DocumentFileView) => f.mimeType === "application/pdf";

/** The first characters of the hash, with the whole of it one click away. */
function Fingerprint({ sha256 }: { sha256: string }) {
  const t = useTranslations("documentPage");
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        SHA-256:
      </Text>
      <Tooltip label={sha256} multiline maw={320} style={{ wordBreak: "break-all" }}>
        <Code data-testid="file-sha256">{`${sha256.slice(0, 12)}…${sha256.slice(-4)}`}</Code>
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

function FileRow({ file }: { file: DocumentFileView }) {
  const t = useTranslations("documentPage");
  const locale = useLocale();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="file-row">
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        {isPdf(file) ? (
          <IconFileTypePdf size={20} style={{ flexShrink: 0 }} />
        ) : (
          <IconFile size={20} style={{ flexShrink: 0 }} />
        )}
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor
            href={fileUrl(file.id, isPdf(file))}
            target={isPdf(file) ? "_blank" : undefined}
            size="sm"
            truncate
          >
            {file.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[
              formatFileSize(file.size, locale),
              file.pageCount ? t("pages", { count: file.pageCount }) : null,
              t("uploadedByOn", { name: file.uploadedBy, at: formatDateTime(file.createdAt) }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
      </Group>
      <ActionIcon
        component="a"
        href={fileUrl(file.id)}
        download
        variant="subtle"
        aria-label={t("downloadFile", { name: file.fileName })}
      >
        <IconDownload size={18} />
      </ActionIcon>
    </Group>
  );
}

/**
 * The document's text shown in the page (pdf.js, so phones show it too), its fingerprint and
 * download, then attachments and the files added while handling it.
 */
export function DocumentFiles({
  files,
  prints,
}: {
  files: DocumentFileView[];
  prints?: DocumentPrints;
}) {
  const t = useTranslations("documentPage");
  const locale = useLocale();
  const main = files.find((f) => f.kind === "main");
  return (
    <Stack gap="md">
      <Card withBorder padding="md" data-testid="main-file">
        <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
          <Title order={4}>{t("mainFileTitle")}</Title>
          {prints && <PrintButtons prints={prints} hasPdf={Boolean(main && isPdf(main))} />}
        </Group>
        {main ? (
          <Stack gap="sm">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {main.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    formatFileSize(main.size, locale),
                    main.pageCount ? t("pages", { count: main.pageCount }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
                <Fingerprint sha256={main.sha256} />
                <SignatureVerdicts check={main.signatures} />
              </Stack>
              <Group gap="xs">
                {isPdf(main) && (
                  <Button
                    component="a"
                    href={fileUrl(main.id, true)}
                    target="_blank"
                    variant="light"
                    size="xs"
                    leftSection={<IconExternalLink size={14} />}
                    data-testid="open-main"
                  >
                    {t("openFile")}
                  </Button>
                )}
                <Button
                  component="a"
                  href={fileUrl(main.id)}
                  download
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} />}
                  data-testid="download-main"
                >
                  {t("download")}
                </Button>
              </Group>
            </Group>
            {isPdf(main) && (
              <PdfViewer
                key={main.sha256}
                url={viewerUrl(main)}
                previewUrl={previewUrl(main)}
                fileName={main.fileName}
                {...stampLayers(prints)}
              />
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("noMainFile")}
          </Text>
        )}
      </Card>
      <AttachedFiles files={files} />
    </Stack>
  );
}

/** The attachments, and the files added while handling the document, each to open or download. */
export function AttachedFiles({ files }: { files: DocumentFileView[] }) {
  const t = useTranslations("documentPage");
  const attachments = files.filter((f) => f.kind === "attachment");
  const progress = files.filter((f) => f.kind === "progress");
  if (attachments.length === 0 && progress.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="attachments">
      {attachments.length > 0 && (
        <>
          <Title order={5} mb="xs">
            {t("attachmentsTitle", { count: attachments.length })}
          </Title>
          <Stack gap="xs" mb={progress.length ? "md" : 0}>
            {attachments.map((f) => (
              <FileRow key={f.id} file={f} />
            ))}
          </Stack>
        </>
      )}
      {progress.length > 0 && (
        <>
          <Title order={5} mb="xs">
            {t("progressFilesTitle", { count: progress.length })}
          </Title>
          <Stack gap="xs">
            {progress.map((f) => (
              <FileRow key={f.id} file={f} />
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}
