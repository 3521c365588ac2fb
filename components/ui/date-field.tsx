"use client";

import "dayjs/locale/vi";
import type { TextInputProps } from "@mantine/core";
import { DatePicker, DatesProvider } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { PickerField, useTypedText } from "@/components/ui/picker-field";
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
  const field = useTypedText({
    value,
    onChange,
    read: (typed) => {
      const r = parseTypedDay(typed, vietnamToday());
      return r && "day" in r ? { value: r.day } : r;
    },
    show: (day) => (isCalendarDay(day) ? formatDate(day) : day),
    formatError: "validation.dateFormat",
  });
  const typedDay = field.typed;

  let problem: string | null = null;
  if (field.error) {
    problem = t(field.error);
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
        value={field.text}
        error={problem ?? error}
        onChange={(e) => field.change(e.currentTarget.value)}
        onBlur={(e) => {
          field.leave();
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
              field.pick(day);
              close();
            }}
          />
        )}
      />
    </DatesProvider>
  );
}
