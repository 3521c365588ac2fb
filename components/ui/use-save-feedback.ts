"use client";

import { notifications } from "@mantine/notifications";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { appCodeOf, showServerError, type FormLike } from "./server-errors";

/**
 * What an admin dialog does when the server answers a save: `succeed` shows the green notice,
 * refreshes the lists and closes; `fail` puts the refusal on the form's fields and in a red
 * notice. A refusal for an outdated version also refreshes, and closes unless `closeOnStale` is
 * false (the dialog then stays open on the latest data, and the next submit carries its version).
 */
export function useSaveFeedback({
  queryKeys,
  onClose,
  errorMessage,
  form,
  closeOnStale = true,
}: {
  queryKeys: QueryKey[];
  onClose: () => void;
  errorMessage: string;
  form?: FormLike;
  closeOnStale?: boolean;
}) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return {
    /** Resolves once the lists are fresh, so a mutation returning it stays pending until then. */
    succeed: async (message: string) => {
      notifications.show({ color: "green", message });
      onClose();
      await refresh();
    },
    fail: (error: unknown) => {
      if (appCodeOf(error) === "STALE") {
        void refresh();
        if (closeOnStale) onClose();
      }
      showServerError(error, errorMessage, form);
    },
  };
}
