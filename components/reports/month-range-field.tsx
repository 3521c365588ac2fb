"use client";

import "dayjs/locale/vi";
import { DatesProvider, MonthPickerInput, type MonthPickerInputProps } from "@mantine/dates";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { vietnamToday } from "@/lib/dates";
import classes from "./date-range-field.module.css";

/** A range of whole months, each `yyyy-MM`. */
export type MonthRange = [string, string];
type Picked = [string | null, string | null];

const monthOf = (day: string | null) => (day ? day.slice(0, 7) : null);
const dayOf = (month: string) => `${month}-01`;

/** January to this month of this year, in Vietnam: the roll-up's default. */
export function yearSoFar(today: string): MonthRange {
  return [`${today.slice(0, 4)}-01`, today.slice(0, 7)];
}

function lastYear(today: string): MonthRange {
  const year = Number(today.slice(0, 4)) - 1;
  return [`${year}-01`, `${year}-12`];
}

function last12Months(today: string): MonthRange {
  const at = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() - 11);
  return [at.toISOString().slice(0, 7), today.slice(0, 7)];
}

/**
 * A range of months picked on a month calendar and shown MM/yyyy, with the usual periods one
 * click away. `onCommit` hears only whole ranges; a half-picked one stays inside the field.
 */
export function MonthRangeField({
  value,
  onCommit,
  ...props
}: Omit<MonthPickerInputProps<"range">, "type" | "value" | "onChange" | "defaultValue"> & {
  value: MonthRange;
  onCommit: (range: MonthRange) => void;
}) {
  const locale = useLocale();
  const t = useTranslations("rollup");
  const today = vietnamToday();
  const asDays = (range: MonthRange): Picked => [dayOf(range[0]), dayOf(range[1])];
  const [draft, setDraft] = useState<Picked>(() => asDays(value));
  const [committed, setCommitted] = useState<MonthRange>(value);
  // A new value from outside (the URL) replaces whatever was being picked.
  if (committed[0] !== value[0] || committed[1] !== value[1]) {
    setCommitted(value);
    setDraft(asDays(value));
  }
  const preset = (range: MonthRange, label: string) => ({ value: asDays(range), label });
  return (
    <DatesProvider settings={{ locale }}>
      <MonthPickerInput
        type="range"
        valueFormat="MM/YYYY"
        allowSingleDateInRange
        placeholder={t("placeholder")}
        popoverProps={{ withinPortal: true }}
        classNames={{ monthPickerRoot: classes.root, presetsList: classes.presets }}
        presets={[
          preset(yearSoFar(today), t("thisYear")),
          preset(last12Months(today), t("last12Months")),
          preset(lastYear(today), t("lastYear")),
        ]}
        value={draft}
        onChange={(next) => {
          setDraft(next);
          const [from, to] = [monthOf(next[0]), monthOf(next[1])];
          if (from && to) onCommit([from, to]);
        }}
        onDropdownClose={() => {
          if (!draft[0] || !draft[1]) setDraft(asDays(value));
        }}
        {...props}
      />
    </DatesProvider>
  );
}
