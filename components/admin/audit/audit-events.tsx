"use client";

import { Card, Code, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import type { AppRouter } from "@/server/api/root";

type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

function useEventText() {
  const t = useTranslations();
  const format = useFormatter();
  return {
    when: (e: AuditEvent) =>
      format.dateTime(e.createdAt, {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
    actor: (e: AuditEvent) => e.actorName ?? t("audit.system"),
    action: (e: AuditEvent) =>
      t.has(`audit.actions.${e.action}`) ? t(`audit.actions.${e.action}`) : null,
    entity: (e: AuditEvent) =>
      t.has(`audit.entities.${e.entityType}`) ? t(`audit.entities.${e.entityType}`) : e.entityType,
    redacted: () => t("audit.redacted"),
  };
}

/** The event's data; for a secret document the actor is not on, only that it is withheld. */
function EventDetails({ event, redacted }: { event: AuditEvent; redacted: string }) {
  if (event.redacted) {
    return (
      <Text size="xs" c="dimmed" fs="italic" maw={360} data-testid="audit-redacted">
        {redacted}
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed" lineClamp={2} maw={360} style={{ wordBreak: "break-all" }}>
      {JSON.stringify(event.data)}
    </Text>
  );
}

/** The events as a table on a computer and as cards on a phone, where six columns do not fit. */
export function AuditEvents({ items }: { items: AuditEvent[] }) {
  const t = useTranslations("audit");
  const text = useEventText();
  return (
    <>
      <ScrollArea type="auto" visibleFrom="sm">
        <Table striped highlightOnHover miw={720} data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("seq")}</Table.Th>
              <Table.Th>{t("time")}</Table.Th>
              <Table.Th>{t("actor")}</Table.Th>
              <Table.Th>{t("action")}</Table.Th>
              <Table.Th>{t("entity")}</Table.Th>
              <Table.Th>{t("details")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{text.when(e)}</Table.Td>
                <Table.Td>{text.actor(e)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {text.action(e) && <Text size="sm">{text.action(e)}</Text>}
                    <Code style={{ alignSelf: "flex-start" }}>{e.action}</Code>
                  </Stack>
                </Table.Td>
                <Table.Td>{text.entity(e)}</Table.Td>
                <Table.Td>
                  <EventDetails event={e} redacted={text.redacted()} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Stack gap="xs" hiddenFrom="sm" data-testid="audit-cards">
        {items.map((e) => (
          <Card key={e.id} withBorder padding="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fw={600} size="sm">
                {text.action(e) ?? e.action}
              </Text>
              <Text size="xs" c="dimmed">
                #{e.seq}
              </Text>
            </Group>
            <Text size="sm">
              {text.actor(e)} · {text.entity(e)}
            </Text>
            <Text size="xs" c="dimmed">
              {text.when(e)} · <Code>{e.action}</Code>
            </Text>
            <EventDetails event={e} redacted={text.redacted()} />
          </Card>
        ))}
      </Stack>
    </>
  );
}
