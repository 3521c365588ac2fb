"use client";

import {
  ActionIcon,
  Popover,
  TextInput,
  type MantineSpacing,
  type TextInputProps,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState, type ReactNode } from "react";

export type PickerFieldProps = TextInputProps & {
  /** What the button beside the field says it opens. */
  pickLabel: string;
  icon: ReactNode;
  /** What the button opens; `close` once something is picked. */
  picker: (close: () => void) => ReactNode;
  pickerPadding?: MantineSpacing;
};

/**
 * A text field with a button beside it that opens a picker: the shell of the date and time
 * fields, where typing is the first way in and picking the second.
 */
export function PickerField({
  pickLabel,
  icon,
  picker,
  pickerPadding,
  ...input
}: PickerFieldProps) {
  const [opened, { close, toggle }] = useDisclosure(false);
  return (
    // The text field is a text field, not a menu button: the button beside it says what it opens.
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      withinPortal
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          autoComplete="off"
          inputMode="text"
          {...input}
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={toggle}
              aria-label={pickLabel}
              tabIndex={-1}
            >
              {icon}
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown p={pickerPadding}>{picker(close)}</Popover.Dropdown>
    </Popover>
  );
}

/** What a typed text stands for: a value, why it is none (a message key), or nothing (empty). */
export type TypedText = { value: string } | { error: string } | null;

/**
 * The text of a typed field (date, time) and the value it stands for. What was typed is never
 * wiped: a text that is not a value goes to the form as it is, so that the form refuses it too
 * rather than sending an empty one. A value set from outside (a reset, a preset) replaces the
 * text; the field's own echo does not. Leaving the field writes a value the way `show` does.
 */
export function useTypedText({
  value,
  onChange,
  read,
  show,
  formatError,
}: {
  value: string | null | undefined;
  onChange?: (value: string | null) => void;
  read: (text: string) => TypedText;
  show: (value: string) => string;
  /** The format error, judged only once the field is left: "12/0" is a date being typed. */
  formatError: string;
}) {
  const outside = value || null;
  const [text, setText] = useState(() => (outside ? show(outside) : ""));
  const [left, setLeft] = useState(false);
  const [known, setKnown] = useState(outside);
  const parsed = read(text);
  const typed = parsed && "value" in parsed ? parsed.value : null;

  if (outside !== known) {
    setKnown(outside);
    if ((outside ?? "") !== (typed ?? text)) setText(outside ? show(outside) : "");
  }

  const change = (next: string) => {
    setText(next);
    const r = read(next);
    const result = r === null ? null : "value" in r ? r.value : next.trim();
    setKnown(result);
    onChange?.(result);
  };

  const error =
    parsed && "error" in parsed && (left || parsed.error !== formatError) ? parsed.error : null;

  return {
    text,
    /** The value the text stands for, or null. */
    typed,
    /** Why the text stands for no value (a message key), or null. */
    error,
    change,
    /** A value picked: written in the field at once. */
    pick: (picked: string) => {
      change(show(picked));
      setText(show(picked));
    },
    leave: () => {
      setLeft(true);
      if (typed) setText(show(typed));
    },
  };
}
