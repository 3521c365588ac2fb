"use client";

import "dayjs/locale/vi";
import type { TextInputProps } from "@mantine/core";
import { DatePicker, DatesProvider } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { PickerField } from "@/components/ui/picker-field";
import { isCalendarDay, parseTypedDay, vietnamToday } from "@/lib/dates";

export type DateFieldProps = Omit<TextInputProps, "value" | "onChange" | "defaultValue"> & {
  /** `yyyy-MM-dd`; while what was typed is not a day, the typed text itself. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  minDate?: string;
  maxDate?: string;
  /** Message keys (from the root of messages/) for a day before `minDate` or after `maxDate`. */
  minMessage?: string;
  maxMessage?: string;
};

/**
 * The one date field: typed the way clerks type dates ("6/12/2026", "4/12/26", "4122026",
 * "hôm qua"), or picked from a Monday-first calendar. What was typed is never wiped: a text that
 * is not a day stays in the field with the reason beside it, and goes to the form as it is, so
 * that the form refuses it too rather than sending an empty date. A day is shown dd/MM/yyyy once
 * the field is left.
 */
export function DateField({
  value,
  onChange,
  minDate,
  maxDate,
  minMessage,
  maxMessage,
  error,
  onBlur,
  ...props
}: DateFieldProps) {
  const t = useTranslations();
  const locale = useLocale();
  const [text, setText] = useState(() => display(value));
  const [left, setLeft] = useState(false);
  const [known, setKnown] = useState(value);
  const parsed = parseTypedDay(text, vietnamToday());
  const typedDay = parsed && "day" in parsed ? parsed.day : null;

  // A value set from outside (a reset, a preset) replaces the text; our own echo does not.
  if (value !== known) {
    setKnown(value);
    if ((value ?? "") !== (typedDay ?? text)) setText(display(value));
  }

  const change = (next: string) => {
    setText(next);
    const read = parseTypedDay(next, vietnamToday());
    const result = read === null ? null : "day" in read ? read.day : next;
    setKnown(result);
    onChange?.(result);
  };

  let problem: string | null = null;
  if (parsed && "error" in parsed) {
    // A format is judged once the field is left: "12/0" is a date being typed.
    if (left || parsed.error !== "validation.dateFormat") problem = t(parsed.error);
  } else if (typedDay && minDate && typedDay < minDate) {
    problem = t(minMessage ?? "validation.dateBefore", { date: formatDate(minDate) });
  } else if (typedDay && maxDate && typedDay > maxDate) {
    problem = t(maxMessage ?? "validation.dateAfter", { date: formatDate(maxDate) });
  }

  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <PickerField
        placeholder="dd/mm/yyyy"
        {...props}
        value={text}
        error={problem ?? error}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={(e) => {
          setLeft(true);
          if (typedDay) setText(formatDate(typedDay));
          onBlur?.(e);
        }}
        pickLabel={t("common.pickDate")}
        icon={<IconCalendar size={18} />}
        picker={(close) => (
          <DatePicker
            value={typedDay}
            defaultDate={typedDay ?? undefined}
            minDate={minDate}
            maxDate={maxDate}
            onChange={(day) => {
              if (!day) return;
              change(formatDate(day));
              setText(formatDate(day));
              close();
            }}
          />
        )}
      />
    </DatesProvider>
  );
}

function display(value: string | null | undefined): string {
  if (!value) return "";
  return isCalendarDay(value) ? formatDate(value) : value;
}
