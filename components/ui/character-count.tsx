"use client";

import { Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { countCharacters } from "@/lib/schemas/fields";

/**
 * "123/2000 ký tự" under a long text field, counted as the server counts (characters of the
 * NFC-normalised text): dimmed, orange in the last tenth, red at the limit.
 */
export function CharacterCount({
  value,
  max,
  testId,
}: {
  value: string;
  max: number;
  testId?: string;
}) {
  const t = useTranslations("common");
  const count = countCharacters(value.normalize("NFC"));
  const color = count >= max ? "red" : count >= max * 0.9 ? "orange.8" : "dimmed";
  return (
    <Text span size="xs" c={color} data-testid={testId}>
      {t("characterCount", { count, max })}
    </Text>
  );
}
