"use client";

import { Badge, Stack, Table, Text, type MantineColor } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { DeadlineText } from "@/components/inbox/document-badges";
import { AnchorLink } from "@/components/ui/anchor-link";
import { padNumber } from "@/lib/documents";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["reports"];
export type IncomingBookRow = Outputs["registryBook"]["rows"][number];
export type FollowUpBookRow = Outputs["followUpBook"]["rows"][number];
type Progress = FollowUpBookRow["progress"];

const progressColor: Record<Progress, MantineColor> = {
  not_directed: "gray",
  in_progress: "blue",
  overdue: "red",
  completed_on_time: "green",
  completed_late: "orange",
  returned_to_sender: "dark",
  received: "gray",
};

const stillOpen = new Set<Progress>(["not_directed", "in_progress", "overdue"]);

/**
 * Sổ đăng ký văn bản đến with every column of Decree 30, Appendix IV, in the printed order.
 * The "Ký nhận" column stays empty on screen as on paper: it is signed by hand in print.
 */
export function IncomingBookTable({ rows }: { rows: IncomingBookRow[] }) {
  const t = useTranslations("reports.incomingColumns");
  return (
    <Table.ScrollContainer minWidth={1280}>
      <Table
        withTableBorder
        withColumnBorders
        striped
        verticalSpacing="xs"
        fz="sm"
        data-testid="incoming-book-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>{t("arrivalDate")}</Table.Th>
            <Table.Th w={64}>{t("arrivalNumber")}</Table.Th>
            <Table.Th w={180}>{t("issuer")}</Table.Th>
            <Table.Th w={130}>{t("numberNotation")}</Table.Th>
            <Table.Th w={96}>{t("documentDate")}</Table.Th>
            <Table.Th>{t("typeAndSubject")}</Table.Th>
            <Table.Th w={190}>{t("recipient")}</Table.Th>
            <Table.Th w={96}>{t("transferredOn")}</Table.Th>
            <Table.Th w={80}>{t("signature")}</Table.Th>
            <Table.Th w={120}>{t("notes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="book-row">
              <Table.Td ta="center">{formatDate(row.arrivalDate)}</Table.Td>
              <Table.Td ta="center" fw={600}>
                {padNumber(row.registryNumber)}
              </Table.Td>
              <Table.Td>{row.issuerName}</Table.Td>
              <Table.Td>{row.numberNotation}</Table.Td>
              <Table.Td ta="center">{formatDate(row.documentDate)}</Table.Td>
              <Table.Td>
                <TypeAndSubject row={row} />
              </Table.Td>
              <Table.Td>
                <Recipient row={row} />
              </Table.Td>
              <Table.Td ta="center">{formatDate(row.transferredOn)}</Table.Td>
              <Table.Td />
              <Table.Td>{row.notes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Sổ theo dõi giải quyết văn bản đến, with where each document stands today. */
export function FollowUpBookTable({ rows }: { rows: FollowUpBookRow[] }) {
  const t = useTranslations("reports");
  const h = (key: string) => t(`followUpColumns.${key}`);
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table
        withTableBorder
        withColumnBorders
        striped
        verticalSpacing="xs"
        fz="sm"
        data-testid="follow-up-book-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{h("arrivalNumber")}</Table.Th>
            <Table.Th>{h("document")}</Table.Th>
            <Table.Th w={200}>{h("recipient")}</Table.Th>
            <Table.Th w={110}>{h("deadline")}</Table.Th>
            <Table.Th w={190}>{h("progress")}</Table.Th>
            <Table.Th w={130}>{h("reply")}</Table.Th>
            <Table.Th w={120}>{h("notes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="book-row">
              <Table.Td ta="center" fw={600}>
                {padNumber(row.registryNumber)}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {[row.numberNotation, formatDate(row.documentDate)].filter(Boolean).join(", ")}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.issuerName}
                  </Text>
                  <TypeAndSubject row={row} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Recipient row={row} />
              </Table.Td>
              <Table.Td>
                <DeadlineText deadline={row.deadline} open={stillOpen.has(row.progress)} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Badge
                    color={progressColor[row.progress]}
                    variant="light"
                    size="sm"
                    tt="none"
                    style={{ whiteSpace: "normal", height: "auto" }}
                  >
                    {t(`progress.${row.progress}`)}
                  </Badge>
                  {row.completedOn && (
                    <Text size="xs" c="dimmed">
                      {t("completedOn", { date: formatDate(row.completedOn) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{row.replyNumberNotation}</Table.Td>
              <Table.Td>{row.notes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TypeAndSubject({ row }: { row: { id: string; documentType: string; subject: string } }) {
  const t = useTranslations("documentTypes");
  return (
    <Text size="sm">
      {t(row.documentType)}:{" "}
      <AnchorLink href={`/documents/${row.id}`} size="sm">
        {row.subject}
      </AnchorLink>
    </Text>
  );
}

function Recipient({ row }: { row: { lead: string | null; coHandlers: string[] } }) {
  const t = useTranslations("reports");
  return (
    <Stack gap={2}>
      {row.lead && <Text size="sm">{t("lead", { name: row.lead })}</Text>}
      {row.coHandlers.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("coHandlers", { names: row.coHandlers.join(", ") })}
        </Text>
      )}
    </Stack>
  );
}
