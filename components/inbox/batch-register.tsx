"use client";

import { Alert, Button, Checkbox, Group, ScrollArea, Stack, Text } from "@mantine/core";
import { IconBooks } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import { VerdictBadge } from "@/components/documents/signature-verdicts";
import { useTRPC } from "@/components/providers/trpc";
import { RegistryField } from "@/components/reception/registry-field";
import { BatchResults } from "@/components/ui/batch-results";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { fieldErrorsOf, messageOf } from "@/components/ui/server-errors";
import { isSecret, padNumber, type Confidentiality } from "@/lib/documents";
import type { SignatureState } from "@/lib/signature-check";

export type ArrivedRow = {
  id: string;
  version: number;
  subject: string;
  numberNotation: string;
  issuerName: string;
  confidentiality: Confidentiality;
  /** What our verifier found on its signed file when it arrived. */
  signatures: SignatureState | null;
};

const signatureLook: Record<SignatureState, { color: string; key: string }> = {
  valid: { color: "green", key: "signatureCheck.verdict.valid" },
  untrusted: { color: "orange", key: "signatureCheck.verdict.valid-untrusted" },
  invalid: { color: "red", key: "signatureCheck.verdict.invalid" },
  none: { color: "gray", key: "inboxPage.batchRegister.unsigned" },
};

/** The verdict on an arrival's signatures, beside it in the list. */
function SignatureBadge({ state }: { state: SignatureState }) {
  const t = useTranslations();
  const { color, key } = signatureLook[state];
  return (
    <VerdictBadge color={color} data-testid="batch-signatures" data-state={state}>
      {t(key)}
    </VerdictBadge>
  );
}

type Outcome = {
  documentId: string;
  ok: boolean;
  registryNumber?: number;
  registryName?: string;
  message?: string;
};

/**
 * Registering in one go the documents that arrived electronically: all ticked at first, the
 * default book chosen. Each gets the next arrival number in the order it came; the server
 * registers each on its own and says what number it got, or why not.
 */
function BatchRegisterDialog({ rows, onClose }: { rows: ArrivedRow[]; onClose: () => void }) {
  const t = useTranslations("inboxPage.batchRegister");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One whose signatures did not check out is left for the clerk to open first.
  const [chosen, setChosen] = useState<string[]>(() =>
    rows.filter((r) => r.signatures !== "invalid").map((r) => r.id),
  );
  const invalid = rows.some((r) => r.signatures === "invalid");
  const [registryId, setRegistryId] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const run = useMutation(
    trpc.incoming.registerMany.mutationOptions({ onSuccess: (results) => setOutcomes(results) }),
  );
  const picked = rows.filter((r) => chosen.includes(r.id));
  const secret = picked.some((r) => isSecret(r.confidentiality));

  const close = () => {
    if (outcomes) {
      void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.registries.pathKey() });
    }
    onClose();
  };
  if (outcomes) {
    const subject = new Map(rows.map((r) => [r.id, r.subject]));
    const done = outcomes.filter((o) => o.ok).length;
    return (
      <BatchResults
        title={t("title")}
        summary={t("summary", { done, total: outcomes.length })}
        outcomes={outcomes.map((o) => ({
          id: o.documentId,
          label: subject.get(o.documentId) ?? "",
          href: `/documents/${o.documentId}`,
          state: o.ok ? "done" : "refused",
          note: o.ok
            ? t("numbered", { number: padNumber(o.registryNumber!), book: o.registryName! })
            : o.message,
        }))}
        onClose={close}
      />
    );
  }
  return (
    <ActionDialog title={t("title")} onClose={onClose}>
      <form
        noValidate
        data-testid="batch-register-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked.length === 0) return;
          run.mutate({
            items: picked.map((r) => ({ documentId: r.id, version: r.version })),
            registryId,
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t("intro")}</Text>
          <ScrollArea.Autosize mah={280} type="auto">
            <Checkbox.Group value={chosen} onChange={setChosen} data-testid="batch-documents">
              <Stack gap={10}>
                {rows.map((r) => (
                  <Checkbox
                    key={r.id}
                    value={r.id}
                    label={r.subject}
                    description={
                      <Stack gap={4} component="span">
                        <span>{[r.numberNotation, r.issuerName].filter(Boolean).join(" · ")}</span>
                        {r.signatures && <SignatureBadge state={r.signatures} />}
                      </Stack>
                    }
                    data-testid="batch-document"
                    styles={{ label: { overflowWrap: "anywhere" } }}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </ScrollArea.Autosize>
          {invalid && (
            <Text size="sm" c="red.8" data-testid="batch-invalid">
              {t("invalidLeftOut")}
            </Text>
          )}
          {picked.length === 0 && (
            <Text size="sm" c="orange.9" data-testid="batch-none">
              {t("none")}
            </Text>
          )}
          <RegistryField
            kind="incoming"
            value={registryId}
            onChange={setRegistryId}
            error={fieldErrorsOf(run.error).registryId}
          />
          {secret && (
            <Text size="sm" c="dimmed" data-testid="batch-secret">
              {t("secretBook")}
            </Text>
          )}
          {run.error && !fieldErrorsOf(run.error).registryId && (
            <Alert color="red" variant="light" data-testid="batch-register-error">
              {messageOf(run.error, t("failed"))}
            </Alert>
          )}
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("submit", { count: picked.length })}
          pending={run.isPending}
          disabled={picked.length === 0}
          testId="batch-register-submit"
        />
      </form>
    </ActionDialog>
  );
}

/** The button over the "to register" box that registers several of its documents in one go. */
export function BatchRegisterButton({ rows }: { rows: ArrivedRow[] }) {
  const t = useTranslations("inboxPage.batchRegister");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Group justify="flex-end">
        <Button
          variant="light"
          leftSection={<IconBooks size={16} />}
          onClick={() => setOpen(true)}
          data-testid="batch-register"
        >
          {t("open", { count: rows.length })}
        </Button>
      </Group>
      {open && <BatchRegisterDialog rows={rows} onClose={() => setOpen(false)} />}
    </>
  );
}
