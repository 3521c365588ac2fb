"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, showServerError } from "@/components/ui/server-errors";
import type { AppRouter } from "@/server/api/root";

export type ActionInput = inferRouterInputs<AppRouter>["incoming"]["act"]["input"];

type FormLike = { setErrors: (errors: Record<string, string>) => void };

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

/**
 * One workflow action on the document, sent with the version the page shows. A stale version
 * or an action no longer allowed reloads the document so the user sees what changed; the
 * server's field errors land on the form's fields (`fieldOf` maps the server's names to them).
 */
export function useDocumentAction(
  doc: { id: string; version: number },
  options: { onClose: () => void; form?: FormLike; fieldOf?: (field: string) => string },
) {
  const t = useTranslations("documentPage");
  const trpc = useTRPC();
  const refresh = useRefreshAfterAction();
  const mutation = useMutation(trpc.incoming.act.mutationOptions());

  const formProxy: FormLike | undefined = options.form && {
    setErrors: (errors) =>
      options.form!.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([field, message]) => {
            const name = field.replace(/^input\./, "");
            return [options.fieldOf ? options.fieldOf(name) : name, message];
          }),
        ),
      ),
  };

  const act = (input: ActionInput, successMessage: string) =>
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
          showServerError(error, t("actionFailed"), formProxy);
        },
      },
    );

  return { act, pending: mutation.isPending };
}
