"use client";

import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCopy, IconPlus, IconPrinter, IconSend } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { showServerError } from "@/components/ui/server-errors";
import type { Sheet, WeekPage } from "./types";

/** The buttons the reader may press on this sheet now: by their permission and its state. */
export function SheetActions({
  page,
  sheet,
  onAdd,
}: {
  page: WeekPage;
  sheet: Sheet;
  onAdd: () => void;
}) {
  const t = useTranslations("schedule");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"publish" | "return" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.schedule.week.pathKey() });
  const done = (message: string) => async () => {
    notifications.show({ color: "green", message });
    setDialog(null);
    await refresh();
  };
  const fail = (error: unknown) => {
    void refresh();
    showServerError(error, t("failed"));
  };
  const act = useMutation(trpc.schedule.act.mutationOptions({ onError: fail }));
  const copy = useMutation(
    trpc.schedule.copyPreviousWeek.mutationOptions({
      onSuccess: (r) => done(t("done.copied", { count: r.copied }))(),
      onError: fail,
    }),
  );
  const returnForm = useForm({ initialValues: { reason: "" } });

  const live = sheet.entries.length > 0;
  const editable = page.canDraft && sheet.status !== "submitted";
  return (
    <Group gap="xs" wrap="wrap">
      {editable && (
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={onAdd}
          data-testid="schedule-add-entry"
        >
          {t("actions.addEntry")}
        </Button>
      )}
      {page.canDraft && sheet.status === "draft" && !live && (
        <Button
          variant="default"
          leftSection={<IconCopy size={16} />}
          loading={copy.isPending}
          onClick={() => copy.mutate({ sheetId: sheet.id, sheetVersion: sheet.version })}
          data-testid="schedule-copy-previous"
        >
          {t("actions.copyPrevious")}
        </Button>
      )}
      {page.canDraft && sheet.status === "draft" && live && (
        <Button
          color="teal"
          leftSection={<IconSend size={16} />}
          loading={act.isPending}
          onClick={() =>
            act.mutate(
              { id: sheet.id, version: sheet.version, input: { action: "submit" } },
              { onSuccess: done(t("done.submitted")) },
            )
          }
          data-testid="schedule-submit"
        >
          {t("actions.submit")}
        </Button>
      )}
      {page.canApprove && sheet.status === "submitted" && (
        <>
          <Button color="teal" onClick={() => setDialog("publish")} data-testid="schedule-publish">
            {t("actions.publish")}
          </Button>
          <Button
            variant="default"
            color="red"
            onClick={() => setDialog("return")}
            data-testid="schedule-return"
          >
            {t("actions.return")}
          </Button>
        </>
      )}
      {live && (
        <Button
          component="a"
          href={`/api/schedule/${sheet.id}/pdf`}
          target="_blank"
          variant="default"
          leftSection={<IconPrinter size={16} />}
          data-testid="schedule-print"
        >
          {t("actions.print")}
        </Button>
      )}
      {dialog === "publish" && (
        <ConfirmDialog
          title={t("confirm.publishTitle")}
          message={t("confirm.publish", { week: sheet.week })}
          confirmLabel={t("actions.publish")}
          color="teal"
          pending={act.isPending}
          testId="schedule-publish-confirm"
          onClose={() => setDialog(null)}
          onConfirm={() =>
            act.mutate(
              { id: sheet.id, version: sheet.version, input: { action: "publish" } },
              { onSuccess: done(t("done.published")) },
            )
          }
        />
      )}
      {dialog === "return" && (
        <Modal opened onClose={() => setDialog(null)} title={t("returnDialog.title")}>
          <form
            noValidate
            onSubmit={returnForm.onSubmit((v) =>
              act.mutate(
                {
                  id: sheet.id,
                  version: sheet.version,
                  input: { action: "return", reason: v.reason },
                },
                {
                  onSuccess: done(t("done.returned")),
                  onError: (e) =>
                    showServerError(e, t("failed"), {
                      setErrors: (f) =>
                        returnForm.setErrors({ reason: f["input.reason"] ?? f.reason }),
                    }),
                },
              ),
            )}
          >
            <Stack gap="sm">
              <Textarea
                label={t("returnDialog.reason")}
                description={t("returnDialog.reasonHint")}
                required
                autosize
                minRows={3}
                maxLength={1000}
                data-autofocus
                data-testid="schedule-return-reason"
                {...returnForm.getInputProps("reason")}
              />
              <DialogButtons
                onCancel={() => setDialog(null)}
                submitLabel={t("returnDialog.confirm")}
                pending={act.isPending}
                color="red"
                testId="schedule-return-confirm"
              />
            </Stack>
          </form>
        </Modal>
      )}
    </Group>
  );
}
