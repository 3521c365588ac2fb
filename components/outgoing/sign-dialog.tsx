"use client";

import { Alert, Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCertificateOff, IconCircleCheck, IconLock } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import { formatDate, formatDateTime } from "@/components/documents/document-format";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { appCodeOf, fieldErrorsOf, messageOf } from "@/components/ui/server-errors";
import { issuedAs, type MyCertificate, type OutgoingView } from "./outgoing-types";
import { PinDialog } from "./pin-dialog";
import { useRefreshOutgoing } from "./use-outgoing-action";

export type SignMode = "sign" | "issue";

const purposeOf: Record<SignMode, MyCertificate["purpose"]> = { sign: "person", issue: "seal" };

/** The certificate a signature would use: the active one of its purpose, else the latest. */
export function certificateFor(list: MyCertificate[], mode: SignMode): MyCertificate | null {
  const own = list.filter((c) => c.purpose === purposeOf[mode]);
  return own.find((c) => c.status === "active") ?? own[0] ?? null;
}

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
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshOutgoing();
  const [pinError, setPinError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // Validity is judged as of the moment the dialog opened.
  const [openedAt] = useState(() => Date.now());
  const certificates = useQuery(
    trpc.signing.myCertificates.queryOptions(undefined, { staleTime: 0 }),
  );
  const certificate = certificates.data ? certificateFor(certificates.data, mode) : null;

  const run = useMutation({
    mutationFn: async ({ pin, choose }: { pin: string; choose: boolean }) => {
      if (choose && certificate) {
        await client.signing.setPin.mutate({ certificateId: certificate.id, pin });
        // Chosen: a second try after a refused signature enters it rather than choosing again.
        void certificates.refetch();
      }
      const request = { documentId: view.id, version: view.version, pin };
      return mode === "sign"
        ? client.outgoing.sign.mutate(request)
        : client.outgoing.issue.mutate(request);
    },
    onMutate: () => {
      setPinError(null);
      setError(null);
    },
    onSuccess: async () => {
      await refresh();
      if (mode === "issue") {
        setDone(true);
        return;
      }
      notifications.show({ color: "green", message: t("signDone") });
      onClose();
    },
    onError: (failure) => {
      const code = appCodeOf(failure);
      // A PIN chosen meanwhile, a key locked, a certificate replaced: read it again.
      if (code === "CONFLICT" || code === "TOO_MANY_REQUESTS") void certificates.refetch();
      if (code === "STALE" || code === "CONFLICT" || code === "NOT_FOUND") void refresh();
      const pin = fieldErrorsOf(failure).pin;
      if (pin) setPinError(pin);
      else setError(messageOf(failure, t("actionFailed")));
    },
  });

  const title = t(mode === "sign" ? "signTitle" : "issueTitle");
  const issued = done ? issuedAs(view) : null;
  if (done) {
    return (
      <ActionDialog title={title} onClose={onClose} size="md">
        <Stack gap="sm" align="center" py="md" data-testid="issued-number">
          <IconCircleCheck size={48} color="var(--mantine-color-green-6)" />
          <Text size="sm">{t("issuedAs")}</Text>
          {issued && (
            <>
              <Title order={2}>{t("issuedNumber", { number: issued.number })}</Title>
              {issued.date && (
                <Text size="sm">{t("issuedOn", { date: formatDate(issued.date) })}</Text>
              )}
            </>
          )}
          <Button onClick={onClose} mt="sm" data-testid="issued-close">
            {t("close")}
          </Button>
        </Stack>
      </ActionDialog>
    );
  }
  if (certificates.isPending || certificates.isError || !certificate) {
    return (
      <ActionDialog title={title} onClose={onClose} size="md">
        {certificates.isPending ? (
          <Group justify="center" py="lg">
            <Loader aria-label={t("certificateLoading")} />
          </Group>
        ) : certificates.isError ? (
          <Alert color="red" variant="light" data-testid="certificate-error">
            <Stack gap="xs" align="flex-start">
              {messageOf(certificates.error, t("certificateLoadError"))}
              <Button size="xs" variant="light" onClick={() => void certificates.refetch()}>
                {t("retry")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Alert
            color="orange"
            variant="light"
            icon={<IconCertificateOff />}
            title={t(`noCertificate.${mode}`)}
            data-testid="certificate-missing"
          >
            {t("noCertificateHint")}
          </Alert>
        )}
      </ActionDialog>
    );
  }

  if (certificate.locked) {
    return (
      <ActionDialog title={title} onClose={onClose} size="md">
        <Alert
          color="red"
          variant="light"
          icon={<IconLock />}
          title={t("certificateLocked")}
          data-testid="certificate-locked"
        >
          {t("certificateLockedHint")}
        </Alert>
      </ActionDialog>
    );
  }
  const expired = new Date(certificate.notAfter).getTime() <= openedAt;
  const unusable = certificate.status !== "active" || expired;
  if (unusable) {
    return (
      <ActionDialog title={title} onClose={onClose} size="md">
        <Alert
          color="red"
          variant="light"
          icon={<IconCertificateOff />}
          title={t(expired ? "certificateExpired" : "certificateRevoked")}
          data-testid="certificate-unusable"
        >
          {t("certificateUnusableHint", {
            holder: certificate.subjectName,
            until: formatDateTime(certificate.notAfter),
          })}
        </Alert>
      </ActionDialog>
    );
  }

  const choosing = !certificate.pinSet;
  return (
    <PinDialog
      title={title}
      intro={
        <Text size="sm">
          {t(mode === "sign" ? "signIntro" : "issueIntro", {
            version: view.draft.currentVersion,
          })}
        </Text>
      }
      certificate={{
        holder: certificate.subjectName,
        validUntil: formatDateTime(certificate.notAfter),
      }}
      choosing={choosing}
      submitLabel={t(
        mode === "sign"
          ? choosing
            ? "signWithNewPin"
            : "signSubmit"
          : choosing
            ? "issueWithNewPin"
            : "issueSubmit",
      )}
      pending={run.isPending}
      pinError={pinError}
      error={error}
      onSubmit={(pin) => run.mutate({ pin, choose: choosing })}
      onClose={onClose}
    />
  );
}
