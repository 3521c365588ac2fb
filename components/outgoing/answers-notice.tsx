"use client";

import { Alert, Text } from "@mantine/core";
import { IconArrowBackUpDouble } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { AnchorLink } from "@/components/ui/anchor-link";
import type { AnsweredDocumentView } from "./outgoing-types";

/** "Trả lời văn bản số 123/UBND-PCTT ngày … của …": the incoming document a draft answers. */
export function AnswersNotice({ answers }: { answers: AnsweredDocumentView }) {
  const t = useTranslations("outgoingPage");
  const label = t("answersLabel", {
    number: answers.numberNotation || t("answersNoNumber"),
    date: answers.documentDate ? formatDate(answers.documentDate) : "none",
    issuer: answers.issuerName,
  });
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconArrowBackUpDouble />}
      p="xs"
      data-testid="answers-notice"
    >
      <Text size="sm">
        {answers.visible ? (
          <AnchorLink href={`/documents/${answers.id}`} size="sm" data-testid="answers-link">
            {label}
          </AnchorLink>
        ) : (
          label
        )}
      </Text>
      {answers.subject && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {answers.subject}
        </Text>
      )}
    </Alert>
  );
}
