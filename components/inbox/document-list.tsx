"use client";

import { Badge, Box, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDate } from "@/components/documents/document-format";
import { AnchorLink } from "@/components/ui/anchor-link";
import { padNumber, type Confidentiality, type DocumentType, type Urgency } from "@/lib/documents";
import type { DocumentStatus } from "@/lib/schemas/search";
import {
  DeadlineText,
  StatusBadge,
  UrgencyBadge,
  urgentBackground,
  urgentEdge,
} from "./document-badges";

/**
 * Incoming documents are listed by arrival number, issuer and deadline; outgoing ones by the
 * number they get on issue, with no arrival and no deadline.
 */
export type DocumentListDirection = "incoming" | "outgoing";

/** One document as the inbox and the search list it. */
export type DocumentListRow = {
  id: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  registryNumber: number | null;
  arrivalDate: string | null;
  numberNotation: string;
  documentType: DocumentType;
  subject: string;
  issuerName: string;
  deadline: string | null;
  /** Whether the deadline still matters (work open), so it turns orange and red. */
  deadlineOpen: boolean;
  status: DocumentStatus;
  /** Sent for information and not opened yet: shown in bold. */
  unread?: boolean;
  /** Handed back to this person (a part returned to the leader, a document to the clerk). */
  returned?: boolean;
  /** The person's own part: its result waits for review, or it closed unfinished with the document. */
  part?: "submitted" | "closed" | null;
  /** In the box because the person stands in for an absent leader. */
  delegated?: boolean;
};

/**
 * Documents in the order the server gives (most urgent, then nearest deadline): a table on
 * wide screens whose cells wrap to fit beside the menu, cards on a phone, where seven columns
 * would not fit.
 */
export function DocumentList({
  rows,
  testId,
  direction = "incoming",
}: {
  rows: DocumentListRow[];
  testId: string;
  direction?: DocumentListDirection;
}) {
  const t = useTranslations("inboxPage.columns");
  const incoming = direction === "incoming";
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing="sm" highlightOnHover data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {incoming && <Table.Th>{t("arrivalNumber")}</Table.Th>}
              <Table.Th>{t("numberNotation")}</Table.Th>
              <Table.Th miw={220}>{t("subject")}</Table.Th>
              {incoming && <Table.Th miw={150}>{t("issuer")}</Table.Th>}
              {incoming && <Table.Th>{t("deadline")}</Table.Th>}
              <Table.Th>{t("status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.id}
                bg={urgentBackground(row.urgency)}
                style={urgentEdge(row.urgency, "inset 4px 0 0")}
                data-testid="document-row"
                data-urgency={row.urgency}
                data-unread={row.unread ? "true" : undefined}
              >
                {incoming && (
                  <Table.Td>
                    <ArrivalNumber row={row} />
                  </Table.Td>
                )}
                <Table.Td>
                  <NumberNotation row={row} direction={direction} />
                </Table.Td>
                <Table.Td>
                  <Subject row={row} lines={2} />
                </Table.Td>
                {incoming && (
                  <Table.Td>
                    <Text size="sm">{row.issuerName}</Text>
                  </Table.Td>
                )}
                {incoming && (
                  <Table.Td>
                    <DeadlineText deadline={row.deadline} open={row.deadlineOpen} />
                  </Table.Td>
                )}
                <Table.Td>
                  <Flags row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap="sm" hiddenFrom="sm" data-testid={`${testId}-cards`}>
        {rows.map((row) => (
          <DocumentCard key={row.id} row={row} direction={direction} />
        ))}
      </Stack>
    </>
  );
}

function DocumentCard({
  row,
  direction,
}: {
  row: DocumentListRow;
  direction: DocumentListDirection;
}) {
  const t = useTranslations("inboxPage");
  const tn = useTranslations("outgoingPage");
  if (direction === "outgoing") {
    return (
      <Card
        withBorder
        padding="sm"
        bg={urgentBackground(row.urgency)}
        style={urgentEdge(row.urgency, "inset 4px 0 0")}
        data-testid="document-card"
        data-urgency={row.urgency}
      >
        <Stack gap={6}>
          <Flags row={row} withUrgency />
          <Subject row={row} lines={3} withUrgency={false} />
          <Text size="xs" c="dimmed">
            {row.numberNotation || tn("notNumbered")}
          </Text>
        </Stack>
      </Card>
    );
  }
  return (
    <Card
      withBorder
      padding="sm"
      bg={urgentBackground(row.urgency)}
      style={urgentEdge(row.urgency, "inset 4px 0 0")}
      data-testid="document-card"
      data-urgency={row.urgency}
    >
      <Stack gap={6}>
        <Flags row={row} withUrgency />
        <Subject row={row} lines={3} withUrgency={false} />
        <Text size="xs" c="dimmed">
          {[
            row.registryNumber !== null
              ? t("arrivalNumberShort", { number: padNumber(row.registryNumber) })
              : t("noNumber"),
            row.numberNotation,
            row.issuerName,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed">
            {t("columns.deadline")}:
          </Text>
          <DeadlineText deadline={row.deadline} open={row.deadlineOpen} size="xs" />
        </Group>
      </Stack>
    </Card>
  );
}

function NumberNotation({
  row,
  direction,
}: {
  row: DocumentListRow;
  direction: DocumentListDirection;
}) {
  const t = useTranslations("outgoingPage");
  if (!row.numberNotation && direction === "outgoing") {
    return (
      <Text size="xs" c="dimmed">
        {t("notNumbered")}
      </Text>
    );
  }
  return (
    <Text size="sm" fw={row.unread ? 700 : 500}>
      {row.numberNotation || "—"}
    </Text>
  );
}

function ArrivalNumber({ row }: { row: DocumentListRow }) {
  const t = useTranslations("inboxPage");
  if (row.registryNumber === null) {
    return (
      <Text size="xs" c="dimmed">
        {t("noNumber")}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {padNumber(row.registryNumber)}
      </Text>
      {row.arrivalDate && (
        <Text size="xs" c="dimmed">
          {formatDate(row.arrivalDate)}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Urgency and type above the subject, which links to the document: cut to two lines in the table
 * and three on a card, whole in its tooltip and on the document's page.
 */
function Subject({
  row,
  lines,
  withUrgency = true,
}: {
  row: DocumentListRow;
  lines: number;
  withUrgency?: boolean;
}) {
  const t = useTranslations();
  return (
    <Box>
      <Group gap={6} mb={2}>
        {withUrgency && <UrgencyBadge urgency={row.urgency} />}
        <Text size="xs" c="dimmed">
          {t(`documentTypes.${row.documentType}`)}
        </Text>
      </Group>
      <AnchorLink
        href={`/documents/${row.id}`}
        size="sm"
        fw={row.unread ? 700 : 500}
        c="var(--mantine-color-text)"
        lineClamp={lines}
        title={row.subject}
        data-testid="document-link"
      >
        {row.subject}
      </AnchorLink>
    </Box>
  );
}

function Flags({ row, withUrgency = false }: { row: DocumentListRow; withUrgency?: boolean }) {
  const t = useTranslations();
  const flags: ReactNode[] = [<StatusBadge key="status" status={row.status} />];
  if (withUrgency) flags.unshift(<UrgencyBadge key="urgency" urgency={row.urgency} />);
  if (row.confidentiality !== "normal") {
    flags.push(
      <Badge key="secret" color="grape" variant="light" size="sm" miw="max-content">
        {t(`confidentiality.${row.confidentiality}`)}
      </Badge>,
    );
  }
  if (row.unread) {
    flags.push(
      <Badge key="unread" color="blue" variant="filled" size="sm" miw="max-content">
        {t("inbox.unread")}
      </Badge>,
    );
  }
  if (row.part) {
    flags.push(
      <Badge
        key="part"
        color={row.part === "submitted" ? "violet" : "gray"}
        variant="outline"
        size="sm"
        miw="max-content"
      >
        {t(row.part === "submitted" ? "inboxPage.partSubmitted" : "inboxPage.partClosed")}
      </Badge>,
    );
  }
  if (row.delegated) {
    flags.push(
      <Badge key="delegated" color="cyan" variant="light" size="sm" miw="max-content">
        {t("inboxPage.delegateBadge")}
      </Badge>,
    );
  }
  if (row.returned) {
    flags.push(
      <Badge key="returned" color="orange" variant="outline" size="sm" miw="max-content">
        {t("inboxPage.returnedBadge")}
      </Badge>,
    );
  }
  return <Group gap={4}>{flags}</Group>;
}
