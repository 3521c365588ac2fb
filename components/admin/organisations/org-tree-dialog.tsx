"use client";

import { Modal } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { FormLike } from "@/components/ui/server-errors";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";

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
