"use client";

import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconDeviceMobileMessage, IconDeviceMobileOff } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import type { OutgoingView } from "./outgoing-types";
import { useRefreshOutgoing } from "./use-outgoing-action";

/** How often the page asks whether the approval on the phone has come. */
const POLL_MS = 4000;

/**
 * Where the leader's request to the remote service stands: waiting (asked again every few
 * seconds, so the approval shows without reloading; it can be withdrawn), or declined, lapsed or
 * overtaken by an edit, with the reason. Nothing when there is no request.
 */
export function RemoteSignatureStatus({ view }: { view: OutgoingView }) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshOutgoing();
  const request = useQuery(
    trpc.outgoing.signatureRequest.queryOptions(
      { documentId: view.id },
      { refetchInterval: (q) => (q.state.data?.status === "pending" ? POLL_MS : false) },
    ),
  );
  const status = request.data?.status ?? null;
  // Approved on the phone (the request is gone) or settled otherwise: the page reads it again.
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === "pending" && status !== "pending") void refresh();
    previous.current = status;
  }, [status, refresh]);
  const cancel = useMutation({
    mutationFn: () => client.outgoing.cancelSignatureRequest.mutate({ documentId: view.id }),
    onSuccess: () => request.refetch(),
  });

  const data = request.data;
  if (!data) return null;
  if (data.status === "pending") {
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconDeviceMobileMessage />}
        title={t("remoteWaiting", { service: data.provider })}
        data-testid="remote-signature-pending"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {t("remoteWaitingHint", {
              sent: formatDateTime(data.requestedAt),
              until: formatDateTime(data.expiresAt),
            })}
          </Text>
          <Button
            size="xs"
            variant="light"
            color="gray"
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t("remoteCancel")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconDeviceMobileOff />}
      title={t(`remoteSettled.${data.status}`)}
      data-testid="remote-signature-settled"
    >
      {data.reason
        ? t("remoteReason", { reason: data.reason })
        : t(`remoteSettledHint.${data.status}`)}
    </Alert>
  );
}
