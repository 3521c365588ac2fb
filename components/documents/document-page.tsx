"use client";

import { Alert, Button, Group, Loader, Stack } from "@mantine/core";
import { IconCalendarPlus, IconFileOff, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { AnchorLink } from "@/components/ui/anchor-link";
import { messageOf } from "@/components/ui/server-errors";
import { DocumentTasksPanel } from "@/components/tasks/document-tasks-panel";
import { ActionsPanel } from "./actions-panel";
import { RecallNotice } from "./recall-notice";
import { AssignmentsPanel } from "./assignments-panel";
import { DocumentFiles } from "./document-files";
import { DocumentFacts, DocumentTitle } from "./document-header";
import { printsOf } from "./document-prints";
import classes from "./document-page.module.css";
import { ExtensionsPanel } from "./extensions-panel";
import { HistoryTimeline } from "./history-timeline";
import { ReplacementNotice } from "./replacement-notice";
import { RepliesPanel } from "./replies-panel";

const httpStatusOf = (error: unknown) =>
  (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;

/** An incoming document: what it is, its text, who handles it, its history, and what one may do now. */
export function DocumentPage({ id, currentUserId }: { id: string; currentUserId: string }) {
  const t = useTranslations("documentPage");
  const tSchedule = useTranslations("schedule");
  const trpc = useTRPC();
  const query = useQuery(trpc.incoming.get.queryOptions({ id }));
  const queryClient = useQueryClient();
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const loaded = query.isSuccess;
  const { mutate: markDocumentRead } = markRead;
  // Opening the document reads the notifications about it.
  useEffect(() => {
    if (loaded) markDocumentRead({ documentId: id });
  }, [loaded, id, markDocumentRead]);

  if (query.isPending) {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t("loading")} />
      </Group>
    );
  }
  if (query.isError) {
    const status = httpStatusOf(query.error);
    // A wrong address, a document of another organisation or one this person has no part in
    // all look the same from outside: not found.
    if (status === 404 || status === 400) {
      return (
        <Alert
          color="gray"
          variant="light"
          icon={<IconFileOff />}
          title={t("notFoundTitle")}
          data-testid="document-not-found"
        >
          <Stack gap="xs" align="flex-start">
            {t("notFound")}
            <AnchorLink href="/">{t("backHome")}</AnchorLink>
          </Stack>
        </Alert>
      );
    }
    return (
      <Alert color="red" variant="light" title={t("loadErrorTitle")} data-testid="document-error">
        <Stack gap="xs" align="flex-start">
          {messageOf(query.error, t("loadError"))}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={14} />}
            loading={query.isFetching}
            onClick={() => void query.refetch()}
          >
            {t("retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }

  const view = query.data;
  return (
    <div
      className={classes.layout}
      data-testid="document-page"
      data-version={view.document.version}
    >
      <div className={classes.title}>
        <DocumentTitle doc={view.document} />
      </div>
      <div className={classes.facts}>
        <DocumentFacts doc={view.document} history={view.history} />
      </div>
      <Stack gap="md" className={classes.side}>
        <RecallNotice view={view} />
        <ReplacementNotice replacement={view.replacement} />
        <ActionsPanel view={view} currentUserId={currentUserId} />
        <AssignmentsPanel assignments={view.assignments} currentUserId={currentUserId} />
        <DocumentTasksPanel documentId={view.document.id} canDirect={view.can.direct} />
        {view.canSchedule && (
          <Button
            component={Link}
            href={`/schedule?doc=${view.document.id}`}
            variant="default"
            leftSection={<IconCalendarPlus size={16} />}
            data-testid="document-to-schedule"
          >
            {tSchedule("addToSchedule")}
          </Button>
        )}
        <ExtensionsPanel extensions={view.extensions} assignments={view.assignments} />
        <RepliesPanel
          documentId={view.document.id}
          replies={view.replies}
          canReply={view.canReply}
        />
      </Stack>
      <Stack gap="md" className={classes.main}>
        <DocumentFiles files={view.files} prints={printsOf(view)} />
        <HistoryTimeline history={view.history} />
      </Stack>
    </div>
  );
}
