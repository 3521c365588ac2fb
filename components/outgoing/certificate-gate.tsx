"use client";

import { Alert, Button, Group, Loader, Stack } from "@mantine/core";
import { IconCertificateOff, IconLock } from "@tabler/icons-react";
import { useMutation, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ActionDialog } from "@/components/documents/action-dialog";
import { formatDateTime } from "@/components/documents/document-format";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { appCodeOf, fieldErrorsOf, messageOf } from "@/components/ui/server-errors";
import type { MyCertificate } from "./outgoing-types";

export type SignMode = "sign" | "issue";

const purposeOf: Record<SignMode, MyCertificate["purpose"]> = { sign: "person", issue: "seal" };

/** The certificate a signature would use: the active one of its purpose, else the latest. */
export function certificateFor(list: MyCertificate[], mode: SignMode): MyCertificate | null {
  const own = list.filter((c) => c.purpose === purposeOf[mode]);
  return own.find((c) => c.status === "active") ?? own[0] ?? null;
}

/** The caller's certificates, fresh, and the one a signature of this mode would use. */
export function useSigningCertificate(mode: SignMode) {
  const trpc = useTRPC();
  const certificates = useQuery(
    trpc.signing.myCertificates.queryOptions(undefined, { staleTime: 0 }),
  );
  const certificate = certificates.data ? certificateFor(certificates.data, mode) : null;
  return { certificates, certificate };
}

/**
 * A signature with the caller's certificate of this mode: a PIN never chosen is chosen first
 * (then signed with in the same go); the server's refusal of the PIN shows at the field, any
 * other refusal above the buttons, and the certificates are read again when it may have changed.
 */
export function usePinSignature<T>({
  mode,
  send,
  onDone,
  onRefused,
}: {
  mode: SignMode;
  send: (pin: string) => Promise<T>;
  onDone: (result: T) => void | Promise<void>;
  /** The app code of a refusal (STALE, CONFLICT...), for the caller to reload what it shows. */
  onRefused?: (code: string | null) => void;
}) {
  const t = useTranslations("outgoingPage");
  const client = useTRPCClient();
  const { certificates, certificate } = useSigningCertificate(mode);
  const [pinError, setPinError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: async (pin: string) => {
      if (certificate && !certificate.pinSet) {
        await client.signing.setPin.mutate({ certificateId: certificate.id, pin });
        // Chosen: a second try after a refused signature enters it rather than choosing again.
        void certificates.refetch();
      }
      return send(pin);
    },
    onMutate: () => {
      setPinError(null);
      setError(null);
    },
    onSuccess: onDone,
    onError: (failure) => {
      const code = appCodeOf(failure);
      // A PIN chosen meanwhile, a key locked, a certificate replaced: read it again.
      if (code === "CONFLICT" || code === "TOO_MANY_REQUESTS") void certificates.refetch();
      onRefused?.(code);
      const { pin, ...others } = fieldErrorsOf(failure);
      if (pin) setPinError(pin);
      // Another field's refusal (the registry chosen) says what is wrong with it.
      else setError(Object.values(others)[0] ?? messageOf(failure, t("actionFailed")));
    },
  });
  return { certificates, certificate, run, pinError, error };
}

/** Whether the certificate can sign now: active, within its validity, not locked. */
export const usable = (certificate: MyCertificate, at: number) =>
  certificate.status === "active" &&
  !certificate.locked &&
  new Date(certificate.notAfter).getTime() > at;

/**
 * Why no PIN is asked: the certificates still loading or not loaded, none for this purpose, the
 * key locked after wrong PINs, or the certificate expired or revoked. Each in its own dialog.
 */
export function CertificateProblem({
  mode,
  title,
  certificates,
  certificate,
  openedAt,
  onClose,
}: {
  mode: SignMode;
  title: string;
  certificates: UseQueryResult<MyCertificate[], unknown>;
  certificate: MyCertificate | null;
  openedAt: number;
  onClose: () => void;
}) {
  const t = useTranslations("outgoingPage");
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

  return null;
}
