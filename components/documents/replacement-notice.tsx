"use client";

import { Alert, Stack, Text } from "@mantine/core";
import { IconReplace } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { AnchorLink } from "@/components/ui/anchor-link";
import { formatDate } from "./document-format";

type Ref = { id: string; numberNotation: string; documentDate: string | null; subject: string };

const label = (r: Ref) =>
  `${r.numberNotation || "—"}${r.documentDate ? `, ${formatDate(r.documentDate)}` : ""}: ${r.subject}`;

/**
 * "Văn bản này thay thế văn bản số …" and "Đã được thay thế bởi văn bản số …": the same on the
 * sender's pages and on the recipients' copies.
 */
export function ReplacementNotice({
  replacement,
}: {
  replacement: { replaces: Ref | null; replacedBy: Ref[] };
}) {
  const t = useTranslations("documentPage.replacement");
  const { replaces, replacedBy } = replacement;
  if (!replaces && replacedBy.length === 0) return null;
  return (
    <Alert
      color={replacedBy.length > 0 ? "orange" : "blue"}
      variant="light"
      icon={<IconReplace size={18} />}
      title={replacedBy.length > 0 ? t("replacedTitle") : t("replacesTitle")}
      data-testid="replacement-notice"
    >
      <Stack gap={4}>
        {replacedBy.map((r) => (
          <Stack key={r.id} gap={0}>
            <Text size="sm">{t("replacedBy")}</Text>
            <AnchorLink href={`/documents/${r.id}`} size="sm" data-testid="replaced-by-link">
              {label(r)}
            </AnchorLink>
          </Stack>
        ))}
        {replaces && (
          <Stack gap={0}>
            <Text size="sm">{t("replaces")}</Text>
            <AnchorLink href={`/documents/${replaces.id}`} size="sm" data-testid="replaces-link">
              {label(replaces)}
            </AnchorLink>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}
