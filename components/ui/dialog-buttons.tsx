"use client";

import { Button, Group, type MantineSpacing } from "@mantine/core";
import { useTranslations } from "next-intl";

/**
 * Cancel and the main button, the same at the foot of every dialog. The main button submits the
 * form around it, or with `onConfirm` (a dialog with no form) calls that instead.
 */
export function DialogButtons({
  onCancel,
  cancelLabel,
  submitLabel,
  onConfirm,
  pending,
  disabled,
  color,
  testId,
  mt = "md",
}: {
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: string;
  onConfirm?: () => void;
  pending: boolean;
  disabled?: boolean;
  color?: string;
  testId?: string;
  mt?: MantineSpacing;
}) {
  const t = useTranslations("common");
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t("cancel")}
      </Button>
      <Button
        type={onConfirm ? "button" : "submit"}
        onClick={onConfirm}
        loading={pending}
        disabled={disabled}
        color={color}
        data-testid={testId}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}
