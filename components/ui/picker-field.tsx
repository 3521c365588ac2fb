"use client";

import {
  ActionIcon,
  Popover,
  TextInput,
  type MantineSpacing,
  type TextInputProps,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

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
