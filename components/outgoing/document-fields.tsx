"use client";

import {
  confidentialityChoiceColor,
  contentWidthSegments,
  urgencyChoiceColor,
} from "@/components/ui/level-choices";
import {
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  useMatches,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconLock } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { foldedFilter } from "@/components/ui/folded-filter";
import { CharacterCount } from "@/components/ui/character-count";
import {
  commonDocumentTypes,
  confidentialities,
  documentTypes,
  isSecret,
  urgencies,
} from "@/lib/documents";
import { SUBJECT_MAX, type DraftValues } from "./draft-values";

/**
 * What the document is: its type (the usual ones first), its subject ("V/v …" for a công văn),
 * urgency and confidentiality, a secret one told where it will be numbered.
 */
export function DocumentFields({ form }: { form: UseFormReturnType<DraftValues> }) {
  const t = useTranslations();
  const td = useTranslations("outgoingDraft");
  const segmentSize = useMatches({ base: "xs", xs: "sm" });
  const values = form.getValues();
  const { errors } = form;
  const typeOption = (d: (typeof documentTypes)[number]) => ({
    value: d.key,
    label: d.abbr ? `${t(`documentTypes.${d.key}`)} (${d.abbr})` : t(`documentTypes.${d.key}`),
  });
  const types = [
    {
      group: td("commonTypes"),
      items: commonDocumentTypes.map((key) =>
        typeOption(documentTypes.find((d) => d.key === key)!),
      ),
    },
    {
      group: td("otherTypes"),
      items: documentTypes.filter((d) => !commonDocumentTypes.includes(d.key)).map(typeOption),
    },
  ];
  const isLetter = values.documentType === "cong_van";
  return (
    <Stack gap="sm">
      <Select
        label={td("documentType")}
        required
        searchable
        allowDeselect={false}
        data={types}
        filter={foldedFilter}
        nothingFoundMessage={td("noTypeFound")}
        maxDropdownHeight={320}
        selectFirstOptionOnChange
        autoSelectOnBlur
        comboboxProps={{ withinPortal: true }}
        data-testid="document-type-select"
        {...form.getInputProps("documentType")}
      />
      <Textarea
        label={td(isLetter ? "subjectLetter" : "subject")}
        placeholder={td(isLetter ? "subjectLetterPlaceholder" : "subjectPlaceholder")}
        required
        autosize
        minRows={2}
        maxRows={8}
        maxLength={SUBJECT_MAX}
        leftSection={isLetter ? <Text fw={600}>V/v</Text> : undefined}
        leftSectionWidth={isLetter ? 48 : undefined}
        leftSectionProps={{ style: { alignItems: "flex-start", paddingTop: 8 } }}
        description={
          <CharacterCount value={values.subject} max={SUBJECT_MAX} testId="subject-count" />
        }
        inputWrapperOrder={["label", "input", "description", "error"]}
        styles={{ description: { textAlign: "end", marginTop: 4 } }}
        data-testid="subject-input"
        {...form.getInputProps("subject")}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Input.Wrapper label={td("urgency")} error={errors.urgency}>
          <SegmentedControl
            fullWidth
            size={segmentSize}
            styles={contentWidthSegments}
            data={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            color={urgencyChoiceColor[values.urgency]}
            mt={4}
            role="radiogroup"
            aria-label={td("urgency")}
            data-testid="urgency-control"
            {...form.getInputProps("urgency")}
          />
        </Input.Wrapper>
        <Input.Wrapper label={td("confidentiality")} error={errors.confidentiality}>
          <SegmentedControl
            fullWidth
            size={segmentSize}
            styles={contentWidthSegments}
            data={confidentialities.map((c) => ({
              value: c,
              label: t(`confidentiality.${c}`),
            }))}
            color={confidentialityChoiceColor[values.confidentiality]}
            mt={4}
            role="radiogroup"
            aria-label={td("confidentiality")}
            data-testid="confidentiality-control"
            {...form.getInputProps("confidentiality")}
          />
        </Input.Wrapper>
      </SimpleGrid>
      {isSecret(values.confidentiality) && (
        <Text size="sm" c="grape.8" data-testid="secret-hint">
          <IconLock size={14} style={{ verticalAlign: -2, marginRight: 4 }} />
          {td("secretHint")}
        </Text>
      )}
    </Stack>
  );
}
