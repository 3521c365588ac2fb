"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { showServerError } from "@/components/ui/server-errors";
import type { RouteTemplateRow } from "./route-template-types";

/** Confirms taking a template out of use; drafts already on its road are not touched. */
export function RouteTemplateDeactivateModal({
  template,
  onClose,
}: {
  template: RouteTemplateRow;
  onClose: () => void;
}) {
  const t = useTranslations("routeTemplates");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deactivate = useMutation(
    trpc.routeTemplates.deactivate.mutationOptions({
      onSuccess: (done) => {
        notifications.show({ color: "green", message: t("deactivated", { name: done.name }) });
        onClose();
      },
      onError: (error) => {
        showServerError(error, t("saveError"));
        onClose();
      },
      onSettled: () =>
        Promise.all(
          [trpc.routeTemplates.list.pathKey(), trpc.routeTemplates.forDrafting.pathKey()].map(
            (queryKey) => queryClient.invalidateQueries({ queryKey }),
          ),
        ),
    }),
  );

  return (
    <ConfirmDialog
      title={t("deactivateTitle")}
      message={t("deactivateConfirm", { name: template.name })}
      confirmLabel={t("deactivate")}
      color="red"
      pending={deactivate.isPending}
      testId="confirm-route-template-deactivate"
      onConfirm={() => deactivate.mutate({ id: template.id, version: template.version })}
      onClose={onClose}
    />
  );
}
