"use client";

import { Button, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "./row-action.module.css";

/**
 * One action on a row of a DataTable: an icon button with a tooltip on a computer, a labelled
 * button on a phone. `showLabel` keeps the label on a computer too, for the one action that
 * matters most in a short row. `name` is the fuller accessible name and tooltip ("Sửa đơn vị
 * Văn phòng") when the visible label ("Sửa") relies on the row around it.
 */
export function RowAction({
  label,
  name,
  icon,
  onClick,
  color,
  testId,
  showLabel = false,
}: {
  label: string;
  name?: string;
  icon: ReactNode;
  onClick: () => void;
  color?: string;
  testId?: string;
  showLabel?: boolean;
}) {
  return (
    <Tooltip
      label={name ?? label}
      disabled={showLabel}
      events={{ hover: true, focus: false, touch: false }}
    >
      <Button
        variant="light"
        size="sm"
        color={color}
        onClick={onClick}
        aria-label={name}
        className={classes.button}
        data-show-label={showLabel || undefined}
        data-testid={testId}
      >
        {icon}
        <span className={classes.label}>{label}</span>
      </Button>
    </Tooltip>
  );
}
