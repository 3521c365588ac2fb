"use client";

import { Badge, type MantineColor } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A state on a pale tint of its colour, written in the body colour: teal, yellow, orange or red
 * text on its own tint stays under WCAG AA's 4.5:1 (see lightBadgeText for documents' badges).
 */
export function StateBadge({
  color,
  children,
  testId,
}: {
  color: MantineColor;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Badge
      color={color}
      c="var(--mantine-color-text)"
      variant="light"
      size="sm"
      miw="max-content"
      data-testid={testId}
    >
      {children}
    </Badge>
  );
}
