"use client";

import { Alert, Card, DataList, Group, Spoiler, Stack, Text, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconCircleCheck,
  IconHourglass,
  IconSignature,
  IconX,
} from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { HeaderBadges } from "@/components/documents/header-badges";
import { formatDate, formatDateTime } from "@/components/documents/document-format";
import { subjectLine } from "@/lib/outgoing";
import { AnswersNotice } from "./answers-notice";
import type { OutgoingView } from "./outgoing-types";
import { activeStepOf } from "./route-state";

// The alert's title in the body colour: orange, red and green text on their tint stay under AA.
const readableTitle = { label: { color: "var(--mantine-color-text)" } };

/** Where the document stands: who holds it now, or how its road ended. */
function Standing({ view, currentUserId }: { view: OutgoingView; currentUserId: string }) {
  const t = useTranslations("outgoingPage");
  const step = activeStepOf(view);
  if (view.status === "on_route" && step) {
    const mine = step.members.some((m) => m.userId === currentUserId && m.decision === "pending");
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="doc-held-by">
        <IconHourglass size={16} style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm">
          {t("heldAt", { kind: t(`stepKind.${step.kind}`) })}{" "}
          <Text span size="sm" fw={700} c={mine ? "indigo.8" : undefined}>
            {mine ? t("heldByYou") : view.heldBy.join(", ")}
          </Text>
        </Text>
      </Group>
    );
  }
  if (view.status === "returned_to_drafter") {
    const last = view.history.findLast((e) => e.action === "returnedToDrafter");
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconArrowBackUp />}
        title={t("returnedTitle")}
        styles={readableTitle}
      >
        {last?.note && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="returned-note">
            {t("returnedBy", { name: last.actorName ?? "" })}: {last.note}
          </Text>
        )}
      </Alert>
    );
  }
  if (view.status === "refused") {
    const last = view.history.findLast((e) => e.action === "draftRefused");
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconX />}
        title={t("refusedTitle")}
        styles={readableTitle}
      >
        {last?.note && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {t("refusedBy", { name: last.actorName ?? "" })}: {last.note}
          </Text>
        )}
      </Alert>
    );
  }
  if (view.status === "signed") {
    return (
      <Alert
        color="indigo"
        variant="light"
        icon={<IconSignature />}
        title={t("signedTitle")}
        styles={readableTitle}
      />
    );
  }
  if (view.status === "issued") {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck />}
        title={t("issuedTitle")}
        styles={readableTitle}
      />
    );
  }
  if (view.status === "draft") {
    return (
      <Text size="sm" c="dimmed" data-testid="doc-held-by">
        {t("draftWith", { name: view.drafter.name })}
      </Text>
    );
  }
  return null;
}

// Three lines of the subject's heading; a longer subject opens with "Xem thêm".
const SUBJECT_HEIGHT = 3 * 22 * 1.4;

/**
 * What the document is, at a glance: its state, type, subject ("V/v …" for a công văn), the
 * version on the table, and who holds it now.
 */
export function OutgoingTitle({
  view,
  currentUserId,
}: {
  view: OutgoingView;
  currentUserId: string;
}) {
  const t = useTranslations();
  const tp = useTranslations("outgoingPage");
  const { issued } = view;
  return (
    <Card withBorder padding="lg" data-testid="document-header">
      <Stack gap="sm">
        <HeaderBadges
          status={view.status}
          urgency={view.urgency}
          confidentiality={view.confidentiality}
        />
        {issued && (
          <Text fw={700} size="lg" c="indigo.8" data-testid="doc-number">
            {issued.documentDate
              ? tp("numberLine", {
                  number: issued.numberNotation,
                  date: formatDate(issued.documentDate),
                })
              : tp("issuedNumber", { number: issued.numberNotation })}
          </Text>
        )}
        <Text size="sm" c="dimmed" data-testid="doc-type">
          {t(`documentTypes.${view.documentType}`)} ·{" "}
          {tp("versionShort", { number: view.draft.currentVersion })}
        </Text>
        <Spoiler
          maxHeight={SUBJECT_HEIGHT}
          showLabel={t("documentPage.subjectMore")}
          hideLabel={t("documentPage.subjectLess")}
          transitionDuration={0}
        >
          <Title order={3} style={{ overflowWrap: "anywhere" }} data-testid="doc-subject">
            {subjectLine(view.documentType, view.subject)}
          </Title>
        </Spoiler>
        {view.answers && <AnswersNotice answers={view.answers} />}
        <Standing view={view} currentUserId={currentUserId} />
      </Stack>
    </Card>
  );
}

/** The fields of the draft as they will be printed: issuer, addressees, signature, copies. */
export function OutgoingFacts({ view }: { view: OutgoingView }) {
  const t = useTranslations();
  const tp = useTranslations("outgoingPage");
  const { draft } = view;
  const current = view.versions.find((v) => v.number === draft.currentVersion);
  const none = (
    <Text span c="dimmed" size="sm">
      {t("common.none")}
    </Text>
  );
  const lines = (items: string[]) =>
    items.length === 0 ? (
      none
    ) : (
      <Stack gap={0}>
        {items.map((line, i) => (
          <Text key={i} size="sm">
            {line}
          </Text>
        ))}
      </Stack>
    );
  // The title lines carry the authority ("TM. ỦY BAN NHÂN DÂN"), as they will be printed.
  const signature = draft.signerName
    ? [...(draft.signerTitle ?? "").split("\n").filter(Boolean), draft.signerName]
    : [];
  const { issued } = view;
  const facts: [string, ReactNode, string?][] = [
    [tp("facts.numberNotation"), issued ? issued.numberNotation : tp("notNumbered"), "fact-number"],
    [tp("facts.documentType"), t(`documentTypes.${view.documentType}`)],
    [tp("facts.issuer"), view.issuerName],
    [tp("facts.drafter"), view.drafter.name, "fact-drafter"],
    [tp("facts.recipients"), lines(draft.recipients.map((r) => r.name))],
    [tp("facts.signer"), lines(signature), "fact-signer"],
    [tp("facts.copiesTo"), lines(draft.copiesTo)],
    [
      tp("facts.currentVersion"),
      current
        ? tp("versionBy", {
            number: current.number,
            name: current.author,
            at: formatDateTime(current.createdAt),
          })
        : tp("versionShort", { number: draft.currentVersion }),
      "fact-version",
    ],
  ];
  return (
    <Card withBorder padding="lg" data-testid="document-facts">
      <DataList orientation="horizontal" labelWidth={120} gap={6} withDivider>
        {facts.map(([label, value, testId]) => (
          <DataList.Item key={label} data-testid={testId}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Card>
  );
}
