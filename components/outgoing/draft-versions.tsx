"use client";

import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconArrowsDiff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { messageOf } from "@/components/ui/server-errors";
import { foldUnchanged, type LineChange } from "./compare-fold";
import classes from "./draft-versions.module.css";
import type { OutgoingView, VersionComparison } from "./outgoing-types";

const sign: Record<LineChange["kind"], string> = { same: " ", added: "+", removed: "−" };

function Lines({ lines }: { lines: LineChange[] }) {
  return lines.map((line, i) => (
    <div key={i} className={classes.line} data-kind={line.kind} data-testid={`line-${line.kind}`}>
      <span className={classes.sign} aria-hidden>
        {sign[line.kind]}
      </span>
      <span className={classes.text}>{line.text || " "}</span>
    </div>
  ));
}

/** Changed lines coloured (and marked + and −, for those who do not see the colours). */
function Comparison({ result }: { result: VersionComparison }) {
  const t = useTranslations("outgoingPage");
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const pieces = foldUnchanged(result.lines);
  const changed = result.lines.some((l) => l.kind !== "same");
  return (
    <Stack gap="sm" data-testid="compare-result">
      <Group gap={6} wrap="wrap" data-testid="compare-fields">
        <Text size="sm" fw={600}>
          {t("fieldsChanged")}
        </Text>
        {result.fieldsChanged.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noFieldChanged")}
          </Text>
        ) : (
          result.fieldsChanged.map((field) => (
            <Badge key={field} variant="light" tt="none" data-testid="field-changed">
              {t(`fields.${field}`)}
            </Badge>
          ))
        )}
      </Group>
      {!changed && (
        <Text size="sm" c="dimmed" data-testid="compare-text-same">
          {t("textSame")}
        </Text>
      )}
      {result.lines.length > 0 && (
        <Box className={classes.diff} role="group" aria-label={t("compareTextLabel")}>
          {pieces.map((piece, i) =>
            piece.kind === "lines" || opened.has(i) ? (
              <Lines key={i} lines={piece.lines} />
            ) : (
              <UnstyledButton
                key={i}
                className={classes.fold}
                onClick={() => setOpened((prev) => new Set(prev).add(i))}
              >
                {t("unchangedLines", { count: piece.lines.length })}
              </UnstyledButton>
            ),
          )}
        </Box>
      )}
    </Stack>
  );
}

/**
 * Every saved version, who saved it and when, and any two of them compared: the text line by
 * line and the fields that changed, by name.
 */
export function DraftVersions({ view }: { view: OutgoingView }) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const current = view.draft.currentVersion;
  const [from, setFrom] = useState(String(Math.max(1, current - 1)));
  const [to, setTo] = useState(String(current));
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const comparison = useQuery({
    ...trpc.outgoing.compare.queryOptions({
      id: view.id,
      from: asked?.from ?? 1,
      to: asked?.to ?? 1,
    }),
    enabled: asked !== null,
  });
  const choices = view.versions.map((v) => ({
    value: String(v.number),
    label: t("versionShort", { number: v.number }),
  }));
  return (
    <Card withBorder padding="md" data-testid="draft-versions">
      <Title order={4} mb="sm">
        {t("versionsTitle", { count: view.versions.length })}
      </Title>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {view.versions.map((v) => (
            <Table.Tr key={v.number} data-testid={`version-${v.number}`}>
              <Table.Td w={90}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {t("versionShort", { number: v.number })}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{v.author}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(v.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {v.number === current && (
                  <Badge size="xs" variant="light">
                    {t("currentVersion")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {view.versions.length > 1 && (
        <Stack gap="sm" mt="md">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t("compareFrom")}
              data={choices}
              value={from}
              onChange={(v) => v && setFrom(v)}
              allowDeselect={false}
              w={110}
              comboboxProps={{ withinPortal: true }}
              data-testid="compare-from"
            />
            <Select
              label={t("compareTo")}
              data={choices}
              value={to}
              onChange={(v) => v && setTo(v)}
              allowDeselect={false}
              w={110}
              comboboxProps={{ withinPortal: true }}
              data-testid="compare-to"
            />
            <Button
              variant="light"
              leftSection={<IconArrowsDiff size={16} />}
              disabled={from === to}
              onClick={() => setAsked({ from: Number(from), to: Number(to) })}
              data-testid="compare-button"
            >
              {t("compare")}
            </Button>
          </Group>
          {asked && comparison.isPending && <Loader size="sm" aria-label={t("compareLoading")} />}
          {asked && comparison.isError && (
            <Alert color="red" variant="light">
              {messageOf(comparison.error, t("compareError"))}
            </Alert>
          )}
          {asked && comparison.data && (
            <>
              <Text size="sm" c="dimmed">
                {t("comparing", { from: asked.from, to: asked.to })}
              </Text>
              <Comparison result={comparison.data} />
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}
