"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { useWorkflowAction } from "@/components/documents/use-document-action";
import type { FormLike } from "@/components/ui/server-errors";
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

/** One workflow action on an outgoing document (see useWorkflowAction). */
export function useOutgoingAction(
  doc: { id: string; version: number },
  options: { onClose: () => void; form?: FormLike; fieldOf?: (field: string) => string },
) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.outgoing.act.mutationOptions());
  return useWorkflowAction<OutgoingActionInput>(
    mutation,
    useRefreshOutgoing(),
    t("actionFailed"),
    doc,
    options,
  );
}
