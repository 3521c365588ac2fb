"use client";

import { Button, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import { formatDate, formatDateTime } from "@/components/documents/document-format";
import { useTRPCClient } from "@/components/providers/trpc";
import { RegistryField } from "@/components/reception/registry-field";
import { isSecret } from "@/lib/documents";
import { CertificateProblem, usable, usePinSignature, type SignMode } from "./certificate-gate";
import type { OutgoingView } from "./outgoing-types";
import { PinDialog } from "./pin-dialog";
import { useRefreshOutgoing } from "./use-outgoing-action";

/**
 * The leader's signature (mode "sign") or the clerk's number and seal (mode "issue"), each
 * unlocked with the PIN of its certificate. A certificate whose PIN was never chosen has it
 * chosen first, then signs with it in the same go. Issuing ends by showing the number given.
 */
export function SignDialog({
  view,
  mode,
  onClose,
}: {
  view: OutgoingView;
  mode: SignMode;
  onClose: () => void;
}) {
  const t = useTranslations("outgoingPage");
  const client = useTRPCClient();
  const refresh = useRefreshOutgoing();
  // The outgoing register that numbers it (secret documents have their own); the default first.
  const [registryId, setRegistryId] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ numberNotation: string; documentDate: string | null }>();
  // Validity is judged as of the moment the dialog opened.
  const [openedAt] = useState(() => Date.now());
  const { certificates, certificate, run, pinError, error } = usePinSignature({
    mode,
    send: async (pin) => {
      // No PIN for a key a remote signing service holds: the holder approves on their phone.
      const request = { documentId: view.id, version: view.version, pin: pin || undefined };
      if (mode === "issue") {
        return { issued: await client.outgoing.issue.mutate({ ...request, registryId }) };
      }
      return { signed: await client.outgoing.sign.mutate(request) };
    },
    onDone: async (result) => {
      await refresh();
      if ("issued" in result) {
        setIssued(result.issued);
        return;
      }
      const waiting = result.signed.awaitingApproval;
      notifications.show({
        color: waiting ? "blue" : "green",
        message: t(waiting ? "remoteSent" : "signDone"),
      });
      onClose();
    },
    onRefused: (code) => {
      if (code === "STALE" || code === "CONFLICT" || code === "NOT_FOUND") void refresh();
    },
  });

  const title = t(mode === "sign" ? "signTitle" : "issueTitle");
  if (issued) {
    return (
      <ActionDialog title={title} onClose={onClose} size="md">
        <Stack gap="sm" align="center" py="md" data-testid="issued-number">
          <IconCircleCheck size={48} color="var(--mantine-color-green-6)" />
          <Text size="sm">{t("issuedAs")}</Text>
          <Title order={2}>{t("issuedNumber", { number: issued.numberNotation })}</Title>
          {issued.documentDate && (
            <Text size="sm">{t("issuedOn", { date: formatDate(issued.documentDate) })}</Text>
          )}
          <Button onClick={onClose} mt="sm" data-testid="issued-close">
            {t("close")}
          </Button>
        </Stack>
      </ActionDialog>
    );
  }
  const problem = (
    <CertificateProblem
      mode={mode}
      title={title}
      certificates={certificates}
      certificate={certificate}
      openedAt={openedAt}
      onClose={onClose}
    />
  );
  if (!certificate || !usable(certificate, openedAt)) return problem;

  const choosing = !certificate.pinSet;
  return (
    <PinDialog
      title={title}
      intro={
        <>
          <Text size="sm">
            {t(mode === "sign" ? "signIntro" : "issueIntro", {
              version: view.draft.currentVersion,
            })}
          </Text>
          {mode === "issue" && (
            <RegistryField
              kind={isSecret(view.confidentiality) ? "secret_outgoing" : "outgoing"}
              value={registryId}
              onChange={setRegistryId}
            />
          )}
        </>
      }
      certificate={{
        holder: certificate.subjectName,
        validUntil: formatDateTime(certificate.notAfter),
      }}
      choosing={choosing}
      remoteService={mode === "sign" ? certificate.remoteService : null}
      submitLabel={t(
        mode === "sign"
          ? certificate.remoteService
            ? "remoteSubmit"
            : choosing
              ? "signWithNewPin"
              : "signSubmit"
          : choosing
            ? "issueWithNewPin"
            : "issueSubmit",
      )}
      pending={run.isPending}
      pinError={pinError}
      error={error}
      onSubmit={(pin) => run.mutate(pin)}
      onClose={onClose}
    />
  );
}
