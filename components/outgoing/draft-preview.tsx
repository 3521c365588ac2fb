"use client";

import { Button, Card, Group, Text, Title } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { PdfViewer } from "@/components/documents/pdf-viewer";
import type { OutgoingView } from "./outgoing-types";

/** The id the "read the draft" link of a phone jumps to. */
export const PREVIEW_ANCHOR = "draft-preview";

/** The PDF of the current version, laid out as it will be signed. */
export const previewUrlOf = (id: string, version: number) =>
  `/api/outgoing/${id}/preview?v=${version}`;

/**
 * The draft as the PDF the leader will sign: the current version laid out by the server, the
 * same bytes the signature covers. A new version reloads it.
 */
export function DraftPreview({ view }: { view: OutgoingView }) {
  const t = useTranslations("outgoingPage");
  const version = view.draft.currentVersion;
  const url = previewUrlOf(view.id, version);
  return (
    <Card withBorder padding="md" id={PREVIEW_ANCHOR} data-testid="draft-preview">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <div>
          <Title order={4}>{t("previewTitle")}</Title>
          <Text size="xs" c="dimmed">
            {t("previewHint", { number: version })}
          </Text>
        </div>
        <Button
          component="a"
          href={url}
          target="_blank"
          variant="light"
          size="xs"
          leftSection={<IconExternalLink size={14} />}
          data-testid="preview-open"
        >
          {t("previewOpen")}
        </Button>
      </Group>
      <PdfViewer key={url} url={url} fileName={`du-thao-v${version}.pdf`} />
    </Card>
  );
}
