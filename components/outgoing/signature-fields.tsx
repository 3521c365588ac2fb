"use client";

import {
  Input,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  useMatches,
} from "@mantine/core";
import { useTranslations } from "next-intl";
import type { StaffDirectory } from "@/components/documents/document-types";
import { foldedFilter } from "@/components/ui/folded-filter";
import { authorityPrefix, signingAuthorities, type SigningAuthority } from "@/lib/outgoing";
import { SIGNER_TITLE_MAX } from "./draft-values";

export type Leader = StaffDirectory["leadership"][number];

/** The organisation's leaders, by rank: only a leader may sign (server/outgoing/references.ts). */
export function leadersOf(directory: StaffDirectory): Leader[] {
  const others = [...directory.units.flatMap((u) => u.staff), ...directory.unassigned].filter((p) =>
    p.roles.includes("leader"),
  );
  return [...directory.leadership, ...others];
}

/**
 * Who signs and how: the leader, the authority they sign with, and the position lines above
 * the signature, shown as they will be printed.
 */
export function SignatureFields({
  leaders,
  signerId,
  authority,
  title,
  errors,
  onSignerChange,
  onAuthorityChange,
  onTitleChange,
}: {
  leaders: Leader[];
  signerId: string | null;
  authority: SigningAuthority;
  title: string;
  errors: Record<string, unknown>;
  onSignerChange: (id: string | null) => void;
  onAuthorityChange: (authority: SigningAuthority) => void;
  onTitleChange: (title: string) => void;
}) {
  const t = useTranslations("outgoingDraft");
  const segmentSize = useMatches({ base: "sm", sm: "md" });
  const signer = leaders.find((l) => l.id === signerId);
  const titleLines = title
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

  return (
    <Stack gap="sm">
      <Select
        label={t("signer")}
        placeholder={t("signerPlaceholder")}
        data={leaders.map((l) => ({ value: l.id, label: l.fullName }))}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {leaders.find((l) => l.id === option.value)?.jobTitle}
            </Text>
          </Stack>
        )}
        description={signer?.jobTitle}
        inputWrapperOrder={["label", "input", "description", "error"]}
        value={signerId}
        onChange={onSignerChange}
        searchable
        clearable
        filter={foldedFilter}
        nothingFoundMessage={t("noLeaderFound")}
        error={errors.signerId as string | undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="signer-select"
      />
      <Input.Wrapper
        label={t("signingAuthority")}
        description={t(`authorityHint.${authority}`)}
        error={errors.signingAuthority as string | undefined}
        inputWrapperOrder={["label", "input", "description", "error"]}
      >
        <SegmentedControl
          fullWidth
          size={segmentSize}
          my={4}
          data={signingAuthorities.map((a) => ({
            value: a,
            label: a === "none" ? t("authorityNone") : authorityPrefix[a],
          }))}
          value={authority}
          onChange={(v) => onAuthorityChange(v as SigningAuthority)}
          role="radiogroup"
          aria-label={t("signingAuthority")}
          data-testid="authority-control"
        />
      </Input.Wrapper>
      <Textarea
        label={t("signerTitle")}
        description={t("signerTitleHint")}
        value={title}
        onChange={(event) => onTitleChange(event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={5}
        maxLength={SIGNER_TITLE_MAX}
        error={errors.signerTitle as string | undefined}
        inputWrapperOrder={["label", "input", "description", "error"]}
        data-testid="signer-title-input"
      />
      <Paper
        withBorder
        p="sm"
        bg="var(--mantine-color-gray-0)"
        aria-label={t("signaturePreview")}
        role="figure"
        data-testid="signature-preview"
      >
        <Stack gap={0} align="center" ff="'Times New Roman', 'Liberation Serif', Tinos, serif">
          {titleLines.length === 0 && !signer ? (
            <Text size="sm" c="dimmed" ff="inherit">
              {t("signaturePreviewEmpty")}
            </Text>
          ) : (
            <>
              {titleLines.map((line, i) => (
                <Text key={i} fw={700} size="sm" ta="center" ff="inherit">
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed" fs="italic" my="md" ff="inherit">
                {t("signatureSpace")}
              </Text>
              <Text fw={700} size="sm" ff="inherit">
                {signer?.fullName ?? "…"}
              </Text>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
