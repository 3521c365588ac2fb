"use client";

import { Modal } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * Every action's form. On a phone it sits at the top with a small margin, so the keyboard does
 * not cover it; a full-screen modal there made the dropdowns of its selects jump about.
 */
export function ActionDialog({
  title,
  onClose,
  children,
  size = "lg",
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: string;
}) {
  const phone = useMediaQuery("(max-width: 36em)");
  const t = useTranslations("common");
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ "aria-label": t("close") }}
      centered={!phone}
      size={size}
      xOffset={phone ? 6 : undefined}
      yOffset={phone ? 6 : undefined}
    >
      {children}
    </Modal>
  );
}
