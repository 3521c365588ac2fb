"use client";

import { Alert, Button, Modal, Skeleton, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { RichText } from "@/components/ui/rich-text-editor";
import {
  appCodeOf,
  fieldErrorsOf,
  messageOf,
  showServerError,
} from "@/components/ui/server-errors";
import { DraftForm } from "./draft-form";
import type { DraftInitial } from "./draft-values";
import type { OutgoingView } from "./outgoing-types";
import { useRefreshOutgoing } from "./use-outgoing-action";

/** The saved draft as the drafting form starts from it. */
export function draftInitialOf(view: OutgoingView): DraftInitial {
  const { draft } = view;
  return {
    documentType: view.documentType,
    subject: view.subject,
    urgency: view.urgency,
    confidentiality: view.confidentiality,
    recipients: draft.recipients,
    copiesTo: draft.copiesTo,
    signerId: draft.signerId,
    signingAuthority: draft.signingAuthority,
    signerTitle: draft.signerTitle,
    draftingUnitId: draft.draftingUnitId,
    answersDocumentId: draft.answersDocumentId,
    // The annexes stay unless the drafter removes them.
    attachments: view.files
      .filter((f) => f.kind === "attachment")
      .map((f) => ({ sha256: f.sha256, fileName: f.fileName })),
    body: draft.body as RichText,
  };
}

/** The server's names for the draft's fields, as the form knows them. */
const draftField = (field: string) => field.replace(/^input\./, "").replace(/^draft\./, "");

/**
 * The drafter revises the draft in the drafting form, over the whole screen; saving makes the
 * next version (and a step waiting on the old one starts again on it).
 */
export function EditDraft({ view, onClose }: { view: OutgoingView; onClose: () => void }) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const refresh = useRefreshOutgoing();
  const directory = useQuery(trpc.directory.staff.queryOptions());
  const save = useMutation(trpc.outgoing.act.mutationOptions());
  const [serverErrors, setServerErrors] = useState<Record<string, string> | null>(null);
  const next = view.draft.currentVersion + 1;

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={t("editTitle", { number: next })}
      data-testid="edit-draft"
    >
      {directory.isPending ? (
        <Stack gap="md" maw={960} mx="auto">
          <Skeleton h={220} />
          <Skeleton h={320} />
        </Stack>
      ) : directory.isError ? (
        <Alert color="red" variant="light">
          <Stack gap="xs" align="flex-start">
            {messageOf(directory.error, t("directoryError"))}
            <Button variant="light" color="red" onClick={() => void directory.refetch()}>
              {t("retry")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Stack maw={960} mx="auto">
          <DraftForm
            initial={draftInitialOf(view)}
            directory={directory.data}
            organisationName={view.issuerName}
            submitLabel={t("editSubmit", { number: next })}
            busy={save.isPending}
            serverErrors={serverErrors}
            onSubmit={async (draft) => {
              setServerErrors(null);
              try {
                await save.mutateAsync({
                  documentId: view.id,
                  version: view.version,
                  input: { action: "saveDraft", draft },
                });
                notifications.show({ color: "green", message: t("editDone", { number: next }) });
                onClose();
                void refresh();
              } catch (error) {
                const code = appCodeOf(error);
                // Someone acted first: the page shows the new state; what was typed stays here.
                if (code === "STALE" || code === "CONFLICT" || code === "NOT_FOUND") void refresh();
                setServerErrors(
                  Object.fromEntries(
                    Object.entries(fieldErrorsOf(error)).map(([f, m]) => [draftField(f), m]),
                  ),
                );
                showServerError(error, t("editFailed"));
              }
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}
