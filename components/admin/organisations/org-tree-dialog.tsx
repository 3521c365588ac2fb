"use client";

import "dayjs/locale/vi";
import { Modal } from "@mantine/core";
import { DateInput, DatesProvider, type DateInputProps } from "@mantine/dates";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, showServerError } from "@/components/ui/server-errors";
import { parseDisplayDate } from "./org-tree-helpers";

/** Every action's modal: full screen on a phone, where a centred dialog leaves no room for the keyboard. */
export function OrgTreeDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={phone} centered size="lg">
      {children}
    </Modal>
  );
}

/** A date typed or picked as dd/MM/yyyy, held as `yyyy-MM-dd`; weeks start on Monday. */
export function DateField(props: DateInputProps) {
  const locale = useLocale();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        dateParser={parseDisplayDate}
        placeholder="dd/mm/yyyy"
        {...props}
      />
    </DatesProvider>
  );
}

type FormLike = { setErrors: (errors: Record<string, string>) => void };

/** What every action does when the server answers: notify, refresh the tree, close or show errors. */
export function useOrgTreeFeedback() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("orgTree");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.orgTree.list.queryKey() });
  return {
    succeed: async (message: string, close: () => void) => {
      notifications.show({ color: "green", message });
      close();
      await refresh();
    },
    fail: (error: unknown, form: FormLike) => {
      showServerError(error, t("failed"), form);
      // The stale-version message promises the latest data: the next submit carries its version.
      if (appCodeOf(error) === "STALE") void refresh();
    },
  };
}
