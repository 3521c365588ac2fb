"use client";

import { Modal, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DialogButtons } from "./dialog-buttons";

/** A question with Cancel and a coloured button that answers it; no form. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  color,
  pending,
  testId,
  onConfirm,
  onClose,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color: string;
  pending: boolean;
  testId: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("common");
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ "aria-label": t("close") }}>
      <Text size="sm">{message}</Text>
      <DialogButtons
        mt="lg"
        onCancel={onClose}
        submitLabel={confirmLabel}
        onConfirm={onConfirm}
        pending={pending}
        color={color}
        testId={testId}
      />
    </Modal>
  );
}
