"use client";

import { Card, Stack, Title } from "@mantine/core";
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
};

/** The outgoing documents that answer this one, drafts included, with where each stands. */
export function RepliesPanel({ replies }: { replies: Reply[] }) {
  const t = useTranslations("documentPage");
  if (replies.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="replies">
      <Title order={5} mb="xs">
        {t("repliesTitle")}
      </Title>
      <Stack gap="xs">
        {replies.map((r) => (
          <Stack key={r.id} gap={2} data-testid="reply">
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
      </Stack>
    </Card>
  );
}
