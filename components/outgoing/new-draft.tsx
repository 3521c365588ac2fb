"use client";

import { Alert, Button, Skeleton, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, messageOf, showServerError } from "@/components/ui/server-errors";
import { AnswersNotice } from "./answers-notice";
import { DraftForm } from "./draft-form";
import type { ReplyStart } from "./outgoing-types";
import { defaultCopiesTo } from "./draft-values";

/**
 * A new outgoing document: the drafting form, started with the copies every document keeps
 * ("Như trên", the clerks' and the drafter's unit's file copies). Saving creates the draft's
 * first version and opens its page.
 */
export function NewDraft({
  organisationName,
  unitId,
  reply,
}: {
  organisationName: string;
  /** The drafter's unit, which drafts it and keeps a copy. */
  unitId: string | null;
  /** The incoming document it answers, and its issuer as the addressee. */
  reply?: ReplyStart | null;
}) {
  const t = useTranslations("outgoingDraft");
  const trpc = useTRPC();
  const router = useRouter();
  const directory = useQuery(trpc.directory.staff.queryOptions());
  const [serverErrors, setServerErrors] = useState<Record<string, string> | null>(null);
  const create = useMutation(trpc.outgoing.create.mutationOptions());

  if (directory.isPending) {
    return (
      <Stack gap="md" maw={960} data-testid="draft-loading">
        <Skeleton h={220} />
        <Skeleton h={180} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (directory.isError) {
    return (
      <Alert color="red" variant="light" data-testid="draft-directory-error">
        <Stack gap="xs" align="flex-start">
          {messageOf(directory.error, t("directoryError"))}
          <Button variant="light" color="red" onClick={() => void directory.refetch()}>
            {t("retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }

  const unit = directory.data.units.find((u) => u.id === unitId);
  return (
    <Stack gap="md">
      {reply && <AnswersNotice answers={reply.answers} />}
      <DraftForm
        initial={{
          copiesTo: defaultCopiesTo(unit?.shortName),
          draftingUnitId: unit?.id ?? null,
          answersDocumentId: reply?.answersDocumentId ?? null,
          recipients: reply?.recipients ?? [],
        }}
        directory={directory.data}
        organisationName={organisationName}
        submitLabel={t("create")}
        busy={create.isPending || create.isSuccess}
        serverErrors={serverErrors}
        onSubmit={async (request) => {
          setServerErrors(null);
          try {
            const created = await create.mutateAsync(request);
            notifications.clean();
            notifications.show({ color: "green", message: t("created") });
            router.push(`/documents/${created.id}`);
          } catch (error) {
            setServerErrors(fieldErrorsOf(error));
            showServerError(error, t("saveError"));
          }
        }}
      />
    </Stack>
  );
}
