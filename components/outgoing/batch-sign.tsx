"use client";

import { Button, Checkbox, Group, ScrollArea, Stack, Text } from "@mantine/core";
import { IconSignature } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { BatchResults } from "@/components/ui/batch-results";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { CertificateProblem, usable, usePinSignature } from "./certificate-gate";
import { PinDialog } from "./pin-dialog";

export type BatchRow = { id: string; version: number; subject: string };
type Outcome = { documentId: string; ok: boolean; awaitingApproval?: boolean; message?: string };

/** What became of each document of the batch: signed, waiting for approval, or why not. */
function SignResults({
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
    <BatchResults
      title={t("title")}
      summary={t("summary", { signed, total: outcomes.length })}
      outcomes={outcomes.map((o) => ({
        id: o.documentId,
        label: subject.get(o.documentId) ?? "",
        href: `/documents/${o.documentId}`,
        state: o.awaitingApproval ? "waiting" : o.ok ? "done" : "refused",
        note: o.message,
      }))}
      onClose={onClose}
    />
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
  if (outcomes) return <SignResults rows={rows} outcomes={outcomes} onClose={close} />;
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
