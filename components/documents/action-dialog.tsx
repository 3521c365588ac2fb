"use client";

import "dayjs/locale/vi";
import { Modal } from "@mantine/core";
import { DateInput, DatesProvider, type DateInputProps } from "@mantine/dates";
import { useMediaQuery } from "@mantine/hooks";
import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { parseDisplayDate } from "./document-format";

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
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered={!phone}
      size={size}
      xOffset={phone ? 6 : undefined}
      yOffset={phone ? 6 : undefined}
    >
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
        popoverProps={{ withinPortal: true }}
        {...props}
      />
    </DatesProvider>
  );
}
