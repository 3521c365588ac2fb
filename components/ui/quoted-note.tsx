import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * Someone's own words (a remark, a direction, a reason) set off by a rule on the left, kept as
 * typed (line breaks, long words wrapped), after an optional dimmed label ("Ý kiến: ").
 */
export function QuotedNote({
  label,
  children,
  testId,
}: {
  label?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Text
      size="sm"
      mt={4}
      pl="xs"
      style={{
        whiteSpace: "pre-wrap",
        overflowWrap: "anywhere",
        borderLeft: "3px solid var(--mantine-color-gray-3)",
      }}
      data-testid={testId}
    >
      {label && (
        <Text span size="sm" c="dimmed">
          {label}:{" "}
        </Text>
      )}
      {children}
    </Text>
  );
}
