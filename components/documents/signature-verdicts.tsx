"use client";

import { lightBadgeText } from "@/components/inbox/document-badges";
import { Alert, Badge, Group, List, Stack, Text, type BadgeProps } from "@mantine/core";
import { IconRosetteDiscountCheck, IconShieldExclamation, IconShieldX } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import type { SignatureCheck, SignatureVerdict } from "@/lib/signature-check";
import { formatDateTime } from "./document-format";

const look: Record<SignatureVerdict, { color: string; icon: typeof IconShieldX }> = {
  valid: { color: "green", icon: IconRosetteDiscountCheck },
  "valid-untrusted": { color: "orange", icon: IconShieldExclamation },
  invalid: { color: "red", icon: IconShieldX },
};

/** A verdict in words on its colour, light, in sentence case, dark enough to read. */
export function VerdictBadge({ color, ...props }: BadgeProps & { color: string }) {
  return (
    <Badge color={color} c={lightBadgeText(color)} variant="light" size="sm" tt="none" {...props} />
  );
}

/**
 * The verdict on each digital signature of a PDF, as our verifier gave it when the file arrived:
 * who signed, when, and in plain words what is wrong, if anything.
 */
export function SignatureVerdicts({ check }: { check: SignatureCheck | null | undefined }) {
  const t = useTranslations("signatureCheck");
  const locale = useLocale();
  if (!check) return null;
  const say = (r: { vi: string; en: string }) => (locale === "vi" ? r.vi : r.en);
  if (check.signatures.length === 0) {
    return (
      <Alert
        color="red"
        icon={<IconShieldX size={18} />}
        title={t("unreadable")}
        data-testid="signature-verdicts"
      >
        {check.problems.map((p) => say(p)).join(" ")}
      </Alert>
    );
  }
  return (
    <Stack gap={6} data-testid="signature-verdicts">
      {check.signatures.map((s) => {
        const { color, icon: Icon } = look[s.verdict];
        const findings = s.reasons.filter((r) => r.code !== "later-changes-allowed");
        return (
          <Stack key={s.field} gap={2} data-testid="signature-verdict" data-verdict={s.verdict}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Icon size={18} color={`var(--mantine-color-${color}-7)`} style={{ flex: "none" }} />
              <Text size="sm">
                <VerdictBadge color={color} mr={6}>
                  {t(`verdict.${s.verdict}`)}
                </VerdictBadge>
                {s.signer ?? t("unknownSigner")}
                {s.signingTime && (
                  <Text span c="dimmed" size="xs">
                    {" · "}
                    {formatDateTime(s.signingTime)}
                    {s.timestamped ? ` (${t("timestamped")})` : ""}
                  </Text>
                )}
              </Text>
            </Group>
            {findings.length > 0 && (
              <List size="xs" c="dimmed" ml={24} spacing={0}>
                {findings.map((r, i) => (
                  <List.Item key={`${r.code}-${i}`}>{say(r)}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
