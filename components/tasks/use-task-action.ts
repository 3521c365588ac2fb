"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { showServerError, type FormLike } from "@/components/ui/server-errors";

/**
 * Runs one workflow action on a task and refreshes every task list and page; a refusal (not
 * allowed now, stale version, a field) is shown where the person looks.
 */
export function useTaskAction(form?: FormLike) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("tasksUi");
  const tAll = useTranslations();
  return useMutation(
    trpc.tasks.act.mutationOptions({
      onSuccess: (_r, v) =>
        notifications.show({ color: "green", message: t(`done.${v.input.action}`) }),
      onError: (error) => showServerError(error, tAll("errors.internal"), form),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
    }),
  );
}
