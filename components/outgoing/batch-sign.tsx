"use client";

import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  ScrollArea,
  Stack,
  Text,
} from "@mantine/core";
import {
  IconCircleCheck,
  IconDeviceMobileMessage,
  IconCircleX,
  IconSignature,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { CertificateProblem, usable, usePinSignature } from "./certificate-gate";
import { PinDialog } from "./pin-dialog";

export type BatchRow = { id: string; version: number; subject: string };
type Outcome = { documentId: string; ok: boolean; awaitingApproval?: boolean; message?: string };

/** What became of each document of the batch: signed, or why not. */
function BatchResults({
  rows,
  outcomes,
  onClose,
}: {
  rows: BatchRow[];
  outcomes: Outcome[];
  onClose: () => void;
}) {
  const t = useTranslations("outgoingPage.batch");
  const subject = new Map(rows.map((r) => [r.id, r.subject]));
  const signed = outcomes.filter((o) => o.ok && !o.awaitingApproval).length;
  return (
    <ActionDialog title={t("title")} onClose={onClose} size="lg">
      <Stack gap="sm" data-testid="batch-results">
        <Alert
          color={signed === outcomes.length ? "green" : "orange"}
          variant="light"
          data-testid="batch-summary"
        >
          {t("summary", { signed, total: outcomes.length })}
        </Alert>
        <List spacing="xs" listStyleType="none">
          {outcomes.map((o) => (
            <List.Item
              key={o.documentId}
              data-testid="batch-result"
              data-ok={o.ok}
              icon={
                o.awaitingApproval ? (
                  <IconDeviceMobileMessage size={18} color="var(--mantine-color-blue-7)" />
                ) : o.ok ? (
                  <IconCircleCheck size={18} color="var(--mantine-color-green-7)" />
                ) : (
                  <IconCircleX size={18} color="var(--mantine-color-red-7)" />
                )
              }
            >
              <Anchor component={Link} href={`/documents/${o.documentId}`} size="sm">
                {subject.get(o.documentId)}
              </Anchor>
              {o.message && (
                <Text size="xs" c={o.ok ? "blue.8" : "red.8"}>
                  {o.message}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="batch-close">
            {t("close")}
          </Button>
        </Group>
      </Stack>
    </ActionDialog>
  );
}

/**
 * Batch signing: the documents waiting for the leader's signature, chosen with a tick (all at
 * first), signed with one PIN. The server checks and records each on its own and says which were
 * signed and why any was not.
 */
function BatchSignDialog({ rows, onClose }: { rows: BatchRow[]; onClose: () => void }) {
  const tb = useTranslations("outgoingPage.batch");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(() => rows.map((r) => r.id));
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [openedAt] = useState(() => Date.now());
  const refreshLists = () => queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
  const { certificates, certificate, run, pinError, error } = usePinSignature({
    mode: "sign",
    send: (pin) =>
      client.outgoing.signMany.mutate({
        items: rows
          .filter((r) => chosen.includes(r.id))
          .map((r) => ({ documentId: r.id, version: r.version })),
        pin: pin || undefined,
      }),
    onDone: (results) => setOutcomes(results),
  });
  const close = () => {
    if (outcomes) void refreshLists();
    onClose();
  };
  if (outcomes) return <BatchResults rows={rows} outcomes={outcomes} onClose={close} />;
  if (!certificate || !usable(certificate, openedAt)) {
    return (
      <CertificateProblem
        mode="sign"
        title={tb("title")}
        certificates={certificates}
        certificate={certificate}
        openedAt={openedAt}
        onClose={onClose}
      />
    );
  }
  const choosing = !certificate.pinSet;
  return (
    <PinDialog
      title={tb("title")}
      intro={
        <Stack gap="xs">
          <Text size="sm">{tb("intro")}</Text>
          <ScrollArea.Autosize mah={260} type="auto">
            <Checkbox.Group value={chosen} onChange={setChosen} data-testid="batch-documents">
              <Stack gap={8}>
                {rows.map((r) => (
                  <Checkbox
                    key={r.id}
                    value={r.id}
                    label={r.subject}
                    data-testid="batch-document"
                    styles={{ label: { overflowWrap: "anywhere" } }}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </ScrollArea.Autosize>
          {chosen.length === 0 && (
            <Text size="sm" c="orange.9" data-testid="batch-none">
              {tb("none")}
            </Text>
          )}
        </Stack>
      }
      certificate={{
        holder: certificate.subjectName,
        validUntil: formatDateTime(certificate.notAfter),
      }}
      choosing={choosing}
      remoteService={certificate.remoteService}
      submitLabel={tb(choosing ? "submitWithNewPin" : "submit", { count: chosen.length })}
      pending={run.isPending}
      disabled={chosen.length === 0}
      pinError={pinError}
      error={error}
      onSubmit={(pin) => run.mutate(pin)}
      onClose={onClose}
    />
  );
}

/** The button over the "to sign" box that signs several of its documents in one go. */
export function BatchSignButton({ rows }: { rows: BatchRow[] }) {
  const t = useTranslations("outgoingPage.batch");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Group justify="flex-end">
        <Button
          variant="light"
          leftSection={<IconSignature size={16} />}
          onClick={() => setOpen(true)}
          data-testid="batch-sign"
        >
          {t("open", { count: rows.length })}
        </Button>
      </Group>
      {open && <BatchSignDialog rows={rows} onClose={() => setOpen(false)} />}
    </>
  );
}
