"use client";

import {
  Anchor,
  Button,
  Card,
  Code,
  Collapse,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { IconChevronDown, IconFilter } from "@tabler/icons-react";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { auditEntityTypes, type AuditEntityType } from "@/lib/audit-actions";
import { isUuid } from "@/lib/schemas/fields";
import type { AppRouter } from "@/server/api/root";
import { auditSentence, type AuditSentence, type Translate } from "./audit-sentence";

export type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

/** Narrows the log to one record's events, or one person's. */
export type Drill = (filter: { type: string; record: string } | { actor: string }) => void;

const momentFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** `dd/MM/yyyy` and `HH:mm:ss` in Vietnam time, in either language: a ledger's time to the second. */
function formatMoment(at: Date | string): { date: string; time: string } {
  const p = Object.fromEntries(
    momentFormat.formatToParts(new Date(at)).map((x) => [x.type, x.value]),
  );
  return { date: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

type Props = { items: AuditEvent[]; links: ReadonlySet<AuditEntityType>; onDrill: Drill };

/**
 * The events as a table on a computer and as cards on a phone. Each reads as a sentence; its
 * recorded data is one click away.
 */
export function AuditEvents({ items, links, onDrill }: Props) {
  const t = useTranslations();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const rows = items.map((e) => ({
    event: e,
    sentence: auditSentence(e, { t: t as Translate, links }),
    when: formatMoment(e.createdAt),
    opened: open.has(e.id),
  }));

  return (
    <>
      {/* The table from a computer's width; below it (phones, tablets beside the menu), cards. */}
      <Table highlightOnHover visibleFrom="md" layout="fixed" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{t("audit.seq")}</Table.Th>
            <Table.Th w={112}>{t("audit.time")}</Table.Th>
            <Table.Th>{t("audit.event")}</Table.Th>
            <Table.Th w={128}>
              <VisuallyHidden>{t("audit.details")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ event, sentence, when, opened }) => (
            <Table.Tr key={event.id} data-testid="audit-row" style={{ verticalAlign: "top" }}>
              <Table.Td c="dimmed">{event.seq}</Table.Td>
              <Table.Td>
                {when.date}
                <br />
                {when.time}
              </Table.Td>
              <Table.Td>
                <Sentence sentence={sentence} />
                <ActionLine event={event} />
                <Details event={event} opened={opened} onDrill={onDrill} />
              </Table.Td>
              <Table.Td ta="right">
                <DetailsToggle event={event} opened={opened} onToggle={toggle} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="md" data-testid="audit-cards">
        {rows.map(({ event, sentence, when, opened }) => (
          <Card key={event.id} withBorder padding="sm" data-testid="audit-card">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {when.date} {when.time}
              </Text>
              <Text size="xs" c="dimmed">
                #{event.seq}
              </Text>
            </Group>
            <Sentence sentence={sentence} />
            <ActionLine event={event} />
            <Group justify="flex-end" mt={4}>
              <DetailsToggle event={event} opened={opened} onToggle={toggle} />
            </Group>
            <Details event={event} opened={opened} onDrill={onDrill} />
          </Card>
        ))}
      </Stack>
    </>
  );
}

function Sentence({ sentence }: { sentence: AuditSentence }) {
  return (
    <Text size="sm" data-testid="audit-sentence">
      {sentence.parts.map((part, i) =>
        part.href ? (
          <Anchor key={i} component={Link} href={part.href} inherit fw={500}>
            {part.text}
          </Anchor>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

/** The action's name and code, for whoever searches the log for one. */
function ActionLine({ event }: { event: AuditEvent }) {
  const t = useTranslations("audit");
  const label = t.has(`actions.${event.action}`) ? t(`actions.${event.action}`) : null;
  return (
    <Text size="xs" c="dimmed" mt={2}>
      {label && `${label} · `}
      <Code fz="xs">{event.action}</Code>
    </Text>
  );
}

function DetailsToggle({
  event,
  opened,
  onToggle,
}: {
  event: AuditEvent;
  opened: boolean;
  onToggle: (id: number) => void;
}) {
  const t = useTranslations("audit");
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      rightSection={
        <IconChevronDown
          size={14}
          style={{
            transform: opened ? "rotate(180deg)" : undefined,
            transition: "transform 150ms",
          }}
        />
      }
      aria-expanded={opened}
      aria-label={t("detailsOf", { seq: event.seq })}
      onClick={() => onToggle(event.id)}
      data-testid="audit-details-toggle"
    >
      {opened ? t("hideDetails") : t("showDetails")}
    </Button>
  );
}

/** The recorded data as it is stored; for a withheld document, only that it is withheld. */
function Details({
  event,
  opened,
  onDrill,
}: {
  event: AuditEvent;
  opened: boolean;
  onDrill: Drill;
}) {
  const t = useTranslations("audit");
  const knownType = (auditEntityTypes as readonly string[]).includes(event.entityType);
  const entity = t.has(`nouns.${event.entityType}`)
    ? t(`nouns.${event.entityType}`)
    : event.entityType;
  const empty = Object.keys(event.data).length === 0;
  return (
    <Collapse expanded={opened}>
      <Stack gap={6} mt="xs" data-testid="audit-details">
        {event.redacted ? (
          <Text size="xs" c="dimmed" fs="italic" data-testid="audit-redacted">
            {t("redacted")}
          </Text>
        ) : (
          <>
            <Text size="xs" fw={600}>
              {t("data")}
            </Text>
            {empty ? (
              <Text size="xs" c="dimmed">
                {t("noData")}
              </Text>
            ) : (
              <Code
                block
                fz="xs"
                mah={240}
                style={{ overflow: "auto", whiteSpace: "pre-wrap", wordBreak: "break-word" }}
                data-testid="audit-data"
              >
                {JSON.stringify(event.data, null, 2)}
              </Code>
            )}
          </>
        )}
        <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
          {t("recordLine", { entity, id: event.entityId })}
        </Text>
        <Group gap="xs">
          {knownType && isUuid(event.entityId) && (
            <Button
              variant="light"
              size="compact-xs"
              leftSection={<IconFilter size={12} />}
              onClick={() => onDrill({ type: event.entityType, record: event.entityId })}
              data-testid="audit-only-record"
            >
              {t("onlyThisRecord")}
            </Button>
          )}
          {event.actorId && (
            <Button
              variant="light"
              size="compact-xs"
              leftSection={<IconFilter size={12} />}
              onClick={() => onDrill({ actor: event.actorId! })}
              data-testid="audit-only-actor"
            >
              {t("onlyThisActor")}
            </Button>
          )}
        </Group>
      </Stack>
    </Collapse>
  );
}
