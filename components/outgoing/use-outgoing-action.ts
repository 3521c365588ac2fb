"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, showServerError, type FormLike } from "@/components/ui/server-errors";
import type { AppRouter } from "@/server/api/root";

export type OutgoingActionInput = inferRouterInputs<AppRouter>["outgoing"]["act"]["input"];

/** Keeps the draft's page, the bell and the boxes in step after an action. */
export function useRefreshOutgoing() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.outgoing.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() }),
    ]);
}

/** The server's field names as a form knows them: without the `input.` of the request. */
export const formFieldOf = (field: string) => field.replace(/^input\./, "");

/** A form's error setter that takes the server's field names. */
export function serverFieldsTo(form: FormLike, fieldOf: (field: string) => string = (f) => f) {
  return {
    setErrors: (errors: Record<string, string>) =>
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([field, message]) => [fieldOf(formFieldOf(field)), message]),
        ),
      ),
  };
}

/**
 * One workflow action on an outgoing document, sent with the version the page shows. Someone
 * acting first reloads the page so the user sees what changed; the server's field errors land
 * on the form's fields.
 */
export function useOutgoingAction(
  doc: { id: string; version: number },
  options: { onClose: () => void; form?: FormLike; fieldOf?: (field: string) => string },
) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const refresh = useRefreshOutgoing();
  const mutation = useMutation(trpc.outgoing.act.mutationOptions());
  const form = options.form && serverFieldsTo(options.form, options.fieldOf);

  const act = (input: OutgoingActionInput, successMessage: string) =>
    mutation.mutate(
      { documentId: doc.id, version: doc.version, input },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: successMessage });
          options.onClose();
          void refresh();
        },
        onError: (error) => {
          const code = appCodeOf(error);
          // A form still valid on the new version stays open, so what was typed is not lost.
          if (code === "STALE" || code === "CONFLICT" || code === "NOT_FOUND") void refresh();
          if (code === "CONFLICT" || code === "NOT_FOUND") options.onClose();
          showServerError(error, t("actionFailed"), form);
        },
      },
    );

  return { act, pending: mutation.isPending };
}
