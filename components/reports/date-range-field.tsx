"use client";

import "dayjs/locale/vi";
import { DatePickerInput, DatesProvider, type DatePickerInputProps } from "@mantine/dates";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { vietnamToday } from "@/lib/dates";
import classes from "./date-range-field.module.css";
import { lastMonth, thisMonth, thisQuarter, thisYear } from "./date-ranges";

export type DateRange = [string | null, string | null];

const complete = (v: DateRange) => (v[0] !== null && v[1] !== null) || (!v[0] && !v[1]);

/**
 * A period picked on a Monday-first calendar and shown dd/MM/yyyy, with the periods clerks
 * print most often one click away. `onCommit` hears only whole ranges (or a cleared one);
 * the half-picked range in between stays inside the field.
 */
export function DateRangeField({
  value,
  onCommit,
  ...props
}: Omit<DatePickerInputProps<"range">, "type" | "value" | "onChange" | "defaultValue"> & {
  value: DateRange;
  onCommit: (range: DateRange) => void;
}) {
  const locale = useLocale();
  const t = useTranslations("dateRange");
  const today = vietnamToday();
  const [draft, setDraft] = useState<DateRange>(value);
  const [committed, setCommitted] = useState<DateRange>(value);
  // A new value from outside (the URL, a cleared filter) replaces whatever was being picked.
  if (committed[0] !== value[0] || committed[1] !== value[1]) {
    setCommitted(value);
    setDraft(value);
  }
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DatePickerInput
        type="range"
        valueFormat="DD/MM/YYYY"
        allowSingleDateInRange
        placeholder={t("placeholder")}
        popoverProps={{ withinPortal: true }}
        classNames={{ datePickerRoot: classes.root, presetsList: classes.presets }}
        presets={[
          { value: thisMonth(today), label: t("thisMonth") },
          { value: lastMonth(today), label: t("lastMonth") },
          { value: thisQuarter(today), label: t("thisQuarter") },
          { value: thisYear(today), label: t("thisYear") },
        ]}
        value={draft}
        onChange={(next) => {
          setDraft(next);
          if (complete(next)) onCommit(next);
        }}
        onDropdownClose={() => {
          if (!complete(draft)) setDraft(value);
        }}
        {...props}
      />
    </DatesProvider>
  );
}
