"use client";

import "dayjs/locale/vi";
import { Modal } from "@mantine/core";
import { DateInput, DatesProvider, type DateInputProps } from "@mantine/dates";
import { useMediaQuery } from "@mantine/hooks";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { FormLike } from "@/components/ui/server-errors";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
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

/** What every action does when the server answers: notify, refresh the tree, close or show errors. */
export function useOrgTreeFeedback({ onClose, form }: { onClose: () => void; form: FormLike }) {
  const trpc = useTRPC();
  const t = useTranslations("orgTree");
  // The stale-version message promises the latest data: the dialog stays open on it.
  return useSaveFeedback({
    queryKeys: [trpc.orgTree.list.queryKey()],
    onClose,
    errorMessage: t("failed"),
    form,
    closeOnStale: false,
  });
}
