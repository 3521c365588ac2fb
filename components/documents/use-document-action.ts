"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, showServerError, type FormLike } from "@/components/ui/server-errors";
import type { AppRouter } from "@/server/api/root";

export type ActionInput = inferRouterInputs<AppRouter>["incoming"]["act"]["input"];

/** Keeps the document page, the bell and every list in step after an action. */
export function useRefreshAfterAction() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incoming.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.search.pathKey() }),
    ]);
}

type ActionOptions = {
  onClose: () => void;
  form?: FormLike;
  fieldOf?: (field: string) => string;
};

/**
 * One workflow action on a document (incoming or outgoing), sent with the version the page
 * shows. A stale version or an action no longer allowed reloads the document so the user sees
 * what changed; the server's field errors land on the form's fields (`fieldOf` maps the server's
 * names, without the request's `input.`, to them).
 */
export function useWorkflowAction<I>(
  mutation: {
    mutate: (
      request: { documentId: string; version: number; input: I },
      callbacks: { onSuccess: () => void; onError: (error: unknown) => void },
    ) => void;
    isPending: boolean;
  },
  refresh: () => Promise<unknown>,
  failedMessage: string,
  doc: { id: string; version: number },
  options: ActionOptions,
) {
  const form = options.form && serverFieldsTo(options.form, options.fieldOf);
  const act = (input: I, successMessage: string) =>
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
          // Someone else acted first: show the new state. A form still valid on the new
          // version stays open so the text typed is not lost; one no longer allowed closes.
          if (code === "STALE" || code === "CONFLICT" || code === "NOT_FOUND") void refresh();
          if (code === "CONFLICT" || code === "NOT_FOUND") options.onClose();
          showServerError(error, failedMessage, form);
        },
      },
    );
  return { act, pending: mutation.isPending };
}

/** The server's field names as a form knows them: without the `input.` of the request. */
const formFieldOf = (field: string) => field.replace(/^input\./, "");

/** A form's error setter that takes the server's field names. */
function serverFieldsTo(form: FormLike, fieldOf: (field: string) => string = (f) => f) {
  return {
    setErrors: (errors: Record<string, string>) =>
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([field, message]) => [fieldOf(formFieldOf(field)), message]),
        ),
      ),
  };
}

/** One workflow action on an incoming document (see useWorkflowAction). */
export function useDocumentAction(doc: { id: string; version: number }, options: ActionOptions) {
  const t = useTranslations("documentPage");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.incoming.act.mutationOptions());
  return useWorkflowAction<ActionInput>(
    mutation,
    useRefreshAfterAction(),
    t("actionFailed"),
    doc,
    options,
  );
}
