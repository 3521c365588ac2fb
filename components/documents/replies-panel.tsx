"use client";

import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { IconFilePencil } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/inbox/document-badges";
import { AnchorLink } from "@/components/ui/anchor-link";
import type { DocumentStatus } from "@/lib/schemas/search";
import { formatDate } from "./document-format";

type Reply = {
  id: string;
  subject: string;
  status: DocumentStatus;
  numberNotation: string;
  documentDate: string | null;
  /** Who sent it, for an answer that arrived from another organisation. */
  issuerName?: string;
};

/**
 * The outgoing documents that answer this one, drafts included, with where each stands, and for
 * those who draft, the way to write one (linked to this document, addressed to its issuer).
 */
export function RepliesPanel({
  documentId,
  replies,
  canReply,
  title,
}: {
  documentId: string;
  replies: Reply[];
  canReply: boolean;
  /** Another heading, for the answers a sent document received. */
  title?: string;
}) {
  const t = useTranslations("documentPage");
  if (replies.length === 0 && !canReply) return null;
  return (
    <Card withBorder padding="md" data-testid="replies">
      <Title order={5} mb="xs">
        {title ?? t("repliesTitle")}
      </Title>
      <Stack gap="xs">
        {replies.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="no-replies">
            {t("noReplies")}
          </Text>
        )}
        {replies.map((r) => (
          <Stack key={r.id} gap={2} data-testid="reply">
            {r.issuerName && (
              <Text size="xs" c="gray.7">
                {r.issuerName}
              </Text>
            )}
            <AnchorLink href={`/documents/${r.id}`} size="sm">
              {r.numberNotation
                ? `${r.numberNotation}${r.documentDate ? `, ${formatDate(r.documentDate)}` : ""}: ${r.subject}`
                : r.subject}
            </AnchorLink>
            <div>
              <StatusBadge status={r.status} />
            </div>
          </Stack>
        ))}
        {canReply && (
          <Button
            component={Link}
            href={`/outgoing/new?answers=${documentId}`}
            variant="light"
            size="xs"
            leftSection={<IconFilePencil size={14} />}
            style={{ alignSelf: "flex-start" }}
            data-testid="reply-draft"
          >
            {t("replyDraft")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
