"use client";

import { Button, ScrollArea, SimpleGrid, type TextInputProps } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { PickerField, useTypedText } from "@/components/ui/picker-field";
import { parseTypedTime } from "@/lib/dates";

export type TimeFieldProps = Omit<TextInputProps, "value" | "onChange" | "defaultValue"> & {
  /** `HH:mm`; while what was typed is not a time, the typed text itself. */
  value?: string | null;
  onChange?: (value: string) => void;
};

/** The times offered to pick: every half hour of a working day, early meetings to evening ones. */
const OFFERED = Array.from({ length: 32 }, (_, i) => {
  const minutes = 6 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${minutes % 60 ? "30" : "00"}`;
});

/**
 * The one time field, on the 24-hour clock whatever the browser's language: typed the way
 * people write times ("14:30", "14h30", "1430", "2 giờ chiều", "2:30 pm"), or picked from the
 * half hours of the day. Like the date field, what was typed is never wiped: a text that is not
 * a time stays with the reason beside it and goes to the form as it is; a time is shown `HH:mm`
 * once the field is left.
 */
export function TimeField({ value, onChange, error, onBlur, ...props }: TimeFieldProps) {
  const t = useTranslations();
  const field = useTypedText({
    value,
    onChange: (v) => onChange?.(v ?? ""),
    read: (typed) => {
      const r = parseTypedTime(typed);
      return r && "time" in r ? { value: r.time } : r;
    },
    show: (time) => time,
    formatError: "validation.timeFormat",
  });
  const typedTime = field.typed;

  return (
    <PickerField
      placeholder="HH:mm"
      {...props}
      value={field.text}
      error={field.error ? t(field.error) : error}
      onChange={(e) => field.change(e.currentTarget.value)}
      onBlur={(e) => {
        field.leave();
        onBlur?.(e);
      }}
      pickLabel={t("common.pickTime")}
      icon={<IconClock size={18} />}
      pickerPadding={6}
      picker={(close) => (
        <ScrollArea.Autosize mah={240} type="auto">
          <SimpleGrid cols={4} spacing={4} verticalSpacing={4}>
            {OFFERED.map((time) => (
              <Button
                key={time}
                size="compact-sm"
                variant={time === typedTime ? "filled" : "subtle"}
                color={time === typedTime ? undefined : "gray"}
                onClick={() => {
                  field.pick(time);
                  close();
                }}
              >
                {time}
              </Button>
            ))}
          </SimpleGrid>
        </ScrollArea.Autosize>
      )}
    />
  );
}
