"use client";

import { notifications } from "@mantine/notifications";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { appCodeOf, showServerError } from "./server-errors";

type FormLike = { setErrors: (errors: Record<string, string>) => void };

/**
 * What an admin dialog does when the server answers a save: `succeed` shows the green notice,
 * refreshes the lists and closes; `fail` puts the refusal on the form's fields and in a red
 * notice. A refusal for an outdated version also refreshes and closes, so the user starts again
 * from the current row.
 */
export function useSaveFeedback({
  queryKeys,
  onClose,
  errorMessage,
  form,
}: {
  queryKeys: QueryKey[];
  onClose: () => void;
  errorMessage: string;
  form?: FormLike;
}) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return {
    succeed: (message: string) => {
      notifications.show({ color: "green", message });
      void refresh();
      onClose();
    },
    fail: (error: unknown) => {
      if (appCodeOf(error) === "STALE") {
        void refresh();
        onClose();
      }
      showServerError(error, errorMessage, form);
    },
  };
}
