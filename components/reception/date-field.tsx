"use client";

import "dayjs/locale/vi";
import { DateInput, DatesProvider, type DateInputProps } from "@mantine/dates";
import { useLocale } from "next-intl";
import { parseDisplayDate } from "@/components/documents/document-format";

/**
 * A date typed as on the paper (dd/MM/yyyy, or picked from a Monday-first calendar), held as
 * `yyyy-MM-dd`. Typing is what makes a clerk fast, so this is a DateInput, not a picker only.
 */
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
