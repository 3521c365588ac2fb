"use client";

import { Alert, Card, DataList, Group, Spoiler, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconCircleCheck } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { HeaderBadges } from "@/components/documents/header-badges";
import { formatNumberNotation } from "@/lib/documents";
import {
  deadlineTone,
  formatDate,
  formatDateTime,
  isDocumentOpen,
  toneColor,
} from "./document-format";
import type { DocumentInfo, HistoryEvent } from "./document-types";

/** The closing word on a finished, returned or refused document. */
function Outcome({ doc, history }: { doc: DocumentInfo; history: HistoryEvent[] }) {
  const t = useTranslations("documentPage");
  if (doc.status === "completed") {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck />}
        title={t("completedTitle", { at: doc.completedAt ? formatDateTime(doc.completedAt) : "" })}
      >
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {doc.result}
        </Text>
      </Alert>
    );
  }
  if (doc.status === "returned_to_sender") {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconArrowBackUp />}
        title={t("returnedToSenderTitle")}
      >
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {doc.result}
        </Text>
      </Alert>
    );
  }
  if (doc.status === "recalled") {
    const last = history.findLast((e) => e.action === "recallAccepted");
    return (
      <Alert color="dark" variant="light" icon={<IconArrowBackUp />} title={t("recalledTitle")}>
        {last && (
          <Text size="sm">
            {last.actorName} · {formatDateTime(last.createdAt)}
          </Text>
        )}
      </Alert>
    );
  }
  if (doc.status === "returned") {
    const last = history.findLast((e) => e.action === "returned");
    return (
      <Alert color="orange" variant="light" icon={<IconArrowBackUp />} title={t("returnedTitle")}>
        {last?.note && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {t("returnedBy", { name: last.actorName ?? "" })}: {last.note}
          </Text>
        )}
      </Alert>
    );
  }
  return null;
}

// Three lines of the subject's heading (1.375rem at a line height of 1.4); a longer subject opens
// with "Xem thêm", so the facts below stay in view.
const SUBJECT_HEIGHT = 3 * 22 * 1.4;

/**
 * What the document is, at a glance: its state, its subject, its arrival number and the
 * deadlines. On a phone this comes first, then what is asked of the reader, then the details.
 */
export function DocumentTitle({ doc }: { doc: DocumentInfo }) {
  const tp = useTranslations("documentPage");
  const tone = deadlineTone(doc.deadline, isDocumentOpen(doc.status));
  return (
    <Card withBorder padding="lg" data-testid="document-header">
      <Stack gap="sm">
        <HeaderBadges
          status={doc.status}
          urgency={doc.urgency}
          confidentiality={doc.confidentiality}
        />
        <Spoiler
          maxHeight={SUBJECT_HEIGHT}
          showLabel={tp("subjectMore")}
          hideLabel={tp("subjectLess")}
          showAriaLabel={tp("subjectMoreLabel")}
          hideAriaLabel={tp("subjectLessLabel")}
          transitionDuration={0}
          data-testid="doc-subject-spoiler"
        >
          <Title order={3} style={{ overflowWrap: "anywhere" }} data-testid="doc-subject">
            {doc.subject}
          </Title>
        </Spoiler>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="lg" c="indigo.8" data-testid="doc-arrival">
            {doc.registryNumber != null && doc.arrivalDate
              ? tp("arrival", { number: doc.registryNumber, date: formatDate(doc.arrivalDate) })
              : tp("notRegistered")}
          </Text>
          {doc.registryName && (
            <Text size="sm" c="dimmed">
              ({doc.registryName})
            </Text>
          )}
        </Group>
        {(doc.deadline || doc.issuerDeadline) && (
          <Group gap="md" wrap="wrap" data-testid="doc-deadlines">
            {doc.deadline && (
              <Text size="sm" c={toneColor[tone]} fw={tone === "normal" ? 500 : 700}>
                {tp("internalDeadlineShort", { date: formatDate(doc.deadline) })}
                {tone !== "normal" && ` — ${tp(`tone.${tone}`)}`}
              </Text>
            )}
            {doc.issuerDeadline && doc.issuerDeadline !== doc.deadline && (
              <Text size="sm" c="dimmed">
                {tp("issuerDeadlineShort", { date: formatDate(doc.issuerDeadline) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Identity and handling facts of the document, as in the registry book. */
export function DocumentFacts({ doc, history }: { doc: DocumentInfo; history: HistoryEvent[] }) {
  const t = useTranslations();
  const tp = useTranslations("documentPage");
  const tone = deadlineTone(doc.deadline, isDocumentOpen(doc.status));
  const none = (
    <Text span c="dimmed" size="sm">
      {t("common.none")}
    </Text>
  );
  const facts: [string, ReactNode, string?][] = [
    [
      tp("numberNotation"),
      formatNumberNotation(doc.codeNumber, doc.codeNotation) || none,
      "doc-notation",
    ],
    [tp("documentDate"), doc.documentDate ? formatDate(doc.documentDate) : none],
    [tp("documentType"), t(`documentTypes.${doc.documentType}`)],
    [tp("issuer"), doc.issuerName],
    [tp("signer"), doc.signerName || none],
    [tp("pageCount"), doc.pageCount ?? none],
    [
      tp("issuerDeadline"),
      doc.issuerDeadline ? formatDate(doc.issuerDeadline) : tp("noDeadline"),
      "doc-issuer-deadline",
    ],
    [
      tp("deadline"),
      doc.deadline ? (
        <Text span size="sm" c={toneColor[tone]} fw={tone === "normal" ? undefined : 700}>
          {formatDate(doc.deadline)}
          {tone !== "normal" && ` — ${tp(`tone.${tone}`)}`}
        </Text>
      ) : (
        tp("noDeadline")
      ),
      "doc-deadline",
    ],
    [tp("receivedVia"), t(`receptionChannel.${doc.receivedVia}`)],
    ...(doc.notes ? ([[tp("notes"), doc.notes]] as [string, ReactNode][]) : []),
  ];
  return (
    <Card withBorder padding="lg" data-testid="document-facts">
      <Stack gap="sm">
        <DataList orientation="horizontal" labelWidth={130} gap={6} withDivider>
          {facts.map(([label, value, testId]) => (
            <DataList.Item key={label} data-testid={testId}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        <Outcome doc={doc} history={history} />
      </Stack>
    </Card>
  );
}
