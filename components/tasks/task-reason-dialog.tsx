"use client";

import { Modal, Stack, Textarea } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DialogButtons } from "@/components/ui/dialog-buttons";

/** Asks for the reason an action needs (cancel, reopen, send back, refuse) before it is taken. */
export function TaskReasonDialog({
  opened,
  title,
  required,
  busy,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: string;
  required: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const t = useTranslations("tasksUi");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (required && !reason.trim()) return setError(t("reasonRequired"));
          onSubmit(reason.trim());
        }}
      >
        <Stack>
          <Textarea
            label={t("reason")}
            required={required}
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={error}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            data-testid="task-reason"
            data-autofocus
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("confirm")}
            pending={busy}
            testId="task-reason-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
