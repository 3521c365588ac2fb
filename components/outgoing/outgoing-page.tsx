"use client";

import { Alert, Button, Group, Stack } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { messageOf } from "@/components/ui/server-errors";
import { AttachedFiles, DocumentFiles } from "@/components/documents/document-files";
import { ReplacementNotice } from "@/components/documents/replacement-notice";
import { RepliesPanel } from "@/components/documents/replies-panel";
import { DeliveriesPanel } from "./deliveries-panel";
import { DraftComments } from "./draft-comments";
import { DraftPreview } from "./draft-preview";
import { DraftVersions } from "./draft-versions";
import { OutgoingActions } from "./outgoing-actions";
import { OutgoingFacts, OutgoingTitle } from "./outgoing-header";
import { OutgoingHistory } from "./outgoing-history";
import classes from "@/components/documents/document-page.module.css";
import type { OutgoingView } from "./outgoing-types";
import { RemoteSignatureStatus } from "./remote-signature";
import { RoutePanel } from "./route-panel";

/**
 * An outgoing document from draft to issue: what it is and where it stands, what is asked of
 * this person and the buttons to do it, its approval route, the remarks on each version, the
 * versions compared, the PDF it will be signed as, and its history.
 */
export function OutgoingPage({
  id,
  initial,
  currentUserId,
  canDispatch = false,
}: {
  id: string;
  /** The document as the server loaded it with the page. */
  initial: OutgoingView;
  currentUserId: string;
  /** Whether this person numbers and sends the organisation's documents (its clerks). */
  canDispatch?: boolean;
}) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const query = useQuery(trpc.outgoing.get.queryOptions({ id }, { initialData: initial }));
  const queryClient = useQueryClient();
  const { mutate: markRead } = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  // Opening the document reads the notifications about it.
  useEffect(() => markRead({ documentId: id }), [id, markRead]);

  const view = query.data;
  return (
    <div
      className={`${classes.layout} ${classes.wideSide}`}
      data-testid="outgoing-page"
      data-version={view.version}
    >
      <div className={classes.title}>
        <OutgoingTitle view={view} currentUserId={currentUserId} />
      </div>
      <Stack gap="md" className={classes.side}>
        {query.isError && (
          <Alert color="red" variant="light" data-testid="outgoing-refresh-error">
            <Group justify="space-between" gap="xs">
              {messageOf(query.error, t("loadError"))}
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconRefresh size={14} />}
                loading={query.isFetching}
                onClick={() => void query.refetch()}
              >
                {t("retry")}
              </Button>
            </Group>
          </Alert>
        )}
        {view.allowed.includes("sign") && <RemoteSignatureStatus view={view} />}
        <ReplacementNotice replacement={view.replacement} />
        <OutgoingActions view={view} currentUserId={currentUserId} />
        {view.responses.length > 0 && (
          <RepliesPanel
            documentId={id}
            replies={view.responses}
            canReply={false}
            title={t("responsesTitle")}
          />
        )}
        <RoutePanel view={view} currentUserId={currentUserId} />
        <DraftComments view={view} />
      </Stack>
      <div className={classes.facts}>
        <OutgoingFacts view={view} />
      </div>
      <Stack gap="md" className={classes.main}>
        {view.files.some((f) => f.kind === "main") ? (
          // Signed: the signed file itself, with what our verifier says of each signature.
          <DocumentFiles files={view.files} />
        ) : (
          <>
            <DraftPreview view={view} />
            <AttachedFiles files={view.files} />
          </>
        )}
        {view.status === "issued" && (
          <DeliveriesPanel documentId={id} version={view.version} canDispatch={canDispatch} />
        )}
        <DraftVersions view={view} />
        <OutgoingHistory history={view.history} />
      </Stack>
    </div>
  );
}
