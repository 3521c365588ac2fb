"use client";

import { Alert, Anchor, Checkbox, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconCopy, IconExternalLink } from "@tabler/icons-react";
import { skipToken, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { formatNumberNotation } from "@/lib/documents";
import type { CheckDuplicateInput } from "@/lib/schemas/incoming";
import type { AppRouter } from "@/server/api/root";

export type PossibleDuplicate = NonNullable<
  inferRouterOutputs<AppRouter>["reception"]["checkDuplicate"]["duplicate"]
>;

/**
 * Looks for an earlier registration of the document being typed, once the clerk has stopped
 * typing its identity for a moment. The identity travels as text so that the debounce sees
 * a change only when a field really changed.
 */
export function useDuplicateCheck(identity: CheckDuplicateInput | null) {
  const trpc = useTRPC();
  const [key] = useDebouncedValue(identity ? JSON.stringify(identity) : "", 500);
  const input = key ? (JSON.parse(key) as CheckDuplicateInput) : skipToken;
  const check = useQuery(trpc.reception.checkDuplicate.queryOptions(input, { staleTime: 0 }));
  return {
    duplicate: key ? (check.data?.duplicate ?? null) : null,
    refetch: () => (key ? check.refetch() : undefined),
  };
}

/**
 * The earlier registration, with a link to check it (in a new tab, so the form stays as typed)
 * and the confirmation that this one is another document. `conflict` is the server's word when
 * the duplicate appeared only while saving (another clerk registered it first).
 */
export function DuplicateWarning({
  duplicate,
  conflict,
  acknowledged,
  error,
  onAcknowledge,
}: {
  duplicate: PossibleDuplicate | null;
  conflict: string | null;
  acknowledged: boolean;
  error?: string;
  onAcknowledge: (value: boolean) => void;
}) {
  const t = useTranslations("reception");
  if (!duplicate && !conflict) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconCopy />}
      title={t("duplicateTitle")}
      data-testid="duplicate-warning"
      // Until confirmed it blocks saving, so a refused save scrolls to it like to a field.
      data-field-error={acknowledged ? undefined : true}
    >
      <Stack gap="xs">
        {duplicate ? (
          <Text size="sm">
            {t("duplicateFound", {
              numberNotation: formatNumberNotation(duplicate.codeNumber, duplicate.codeNotation),
              issuer: duplicate.issuerName,
              registryNumber: duplicate.registryNumber ?? "",
              arrivalDate: formatDate(duplicate.arrivalDate),
            })}
          </Text>
        ) : (
          <Text size="sm">{conflict}</Text>
        )}
        {duplicate && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {duplicate.subject}
          </Text>
        )}
        {duplicate && (
          <Anchor
            href={`/documents/${duplicate.id}`}
            target="_blank"
            size="sm"
            fw={500}
            data-testid="duplicate-link"
          >
            <IconExternalLink size={14} style={{ verticalAlign: -2, marginRight: 4 }} />
            {t("duplicateOpen")}
          </Anchor>
        )}
        <Checkbox
          checked={acknowledged}
          onChange={(e) => onAcknowledge(e.currentTarget.checked)}
          label={t("acknowledgeDuplicate")}
          error={error}
          data-testid="acknowledge-duplicate"
        />
      </Stack>
    </Alert>
  );
}
