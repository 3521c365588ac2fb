"use client";

import {
  confidentialityChoiceColor,
  contentWidthSegments,
  urgencyChoiceColor,
} from "@/components/ui/level-choices";
import {
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  useMatches,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconLock } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  commonDocumentTypes,
  confidentialities,
  documentTypes,
  isSecret,
  receptionChannels,
  urgencies,
} from "@/lib/documents";
import { vietnamToday } from "@/lib/dates";
import { CharacterCount } from "@/components/ui/character-count";
import { DateField } from "@/components/ui/date-field";
import { SUBJECT_MAX } from "@/lib/schemas/incoming";
import { foldedFilter } from "@/components/ui/folded-filter";
import { IssuerField } from "./issuer-field";
import { RegistryField } from "./registry-field";
import { registryKindOf, type ReceptionValues } from "./reception-values";

type Form = UseFormReturnType<ReceptionValues>;

const errorOf = (form: Form, field: string) => form.errors[field] as ReactNode | undefined;

/** Who issued the document and what it is, as printed on it; `duplicate` slots in after the identity. */
export function IdentityFields({ form, duplicate }: { form: Form; duplicate: ReactNode }) {
  const t = useTranslations();
  const values = form.getValues();
  const typeOption = (d: (typeof documentTypes)[number]) => ({
    value: d.key,
    label: d.abbr ? `${t(`documentTypes.${d.key}`)} (${d.abbr})` : t(`documentTypes.${d.key}`),
  });
  const types = [
    {
      group: t("reception.commonTypes"),
      items: commonDocumentTypes.map((key) =>
        typeOption(documentTypes.find((d) => d.key === key)!),
      ),
    },
    {
      group: t("reception.otherTypes"),
      items: documentTypes.filter((d) => !commonDocumentTypes.includes(d.key)).map(typeOption),
    },
  ];
  return (
    <Stack gap="sm">
      <IssuerField
        name={values.issuerName}
        organisationId={values.issuerOrganisationId}
        error={(errorOf(form, "issuerName") ?? errorOf(form, "issuerOrganisationId")) as string}
        onChange={({ name, organisationId }) => {
          form.setFieldValue("issuerName", name);
          form.setFieldValue("issuerOrganisationId", organisationId);
          form.clearFieldError("issuerOrganisationId");
        }}
      />
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <TextInput
          label={t("reception.codeNumber")}
          placeholder={t("reception.codeNumberPlaceholder")}
          maxLength={20}
          inputMode="numeric"
          autoComplete="off"
          data-testid="code-number-input"
          {...form.getInputProps("codeNumber")}
        />
        <TextInput
          label={t("reception.codeNotation")}
          placeholder={t("reception.codeNotationPlaceholder")}
          maxLength={50}
          autoComplete="off"
          autoCapitalize="characters"
          data-testid="code-notation-input"
          {...form.getInputProps("codeNotation")}
        />
        <DateField
          label={t("reception.documentDate")}
          required
          maxDate={vietnamToday()}
          maxMessage="reception.documentDateInFuture"
          data-testid="document-date-input"
          {...form.getInputProps("documentDate")}
        />
      </SimpleGrid>
      {duplicate}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("reception.documentType")}
          placeholder={t("reception.documentTypePlaceholder")}
          required
          searchable
          data={types}
          filter={foldedFilter}
          nothingFoundMessage={t("reception.noTypeFound")}
          maxDropdownHeight={320}
          // Typing highlights the first match: Enter picks it (rather than submitting the form)
          // and Tab keeps it (rather than emptying the field).
          selectFirstOptionOnChange
          autoSelectOnBlur
          comboboxProps={{ withinPortal: true }}
          data-testid="document-type-select"
          {...form.getInputProps("documentType")}
        />
        <TextInput
          label={t("reception.signerName")}
          placeholder={t("reception.signerPlaceholder")}
          maxLength={255}
          autoComplete="off"
          data-testid="signer-input"
          {...form.getInputProps("signerName")}
        />
      </SimpleGrid>
      <Textarea
        label={t("reception.subjectFull")}
        placeholder={t("reception.subjectPlaceholder")}
        required
        autosize
        minRows={2}
        maxRows={8}
        maxLength={SUBJECT_MAX}
        description={
          <CharacterCount value={values.subject} max={SUBJECT_MAX} testId="subject-count" />
        }
        inputWrapperOrder={["label", "input", "description", "error"]}
        styles={{ description: { textAlign: "end", marginTop: 4 } }}
        data-testid="subject-input"
        {...form.getInputProps("subject")}
      />
    </Stack>
  );
}

/** How it is to be handled and where it is numbered. */
export function HandlingFields({ form, mainPages }: { form: Form; mainPages: number | null }) {
  const t = useTranslations();
  const segmentSize = useMatches({ base: "xs", xs: "sm" });
  const values = form.getValues();
  const pageCount = form.getInputProps("pageCount");
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Input.Wrapper label={t("reception.urgency")} error={errorOf(form, "urgency")}>
          <SegmentedControl
            fullWidth
            size={segmentSize}
            styles={contentWidthSegments}
            data={urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            color={urgencyChoiceColor[values.urgency]}
            mt={4}
            data-testid="urgency-control"
            role="radiogroup"
            aria-label={t("reception.urgency")}
            {...form.getInputProps("urgency")}
          />
        </Input.Wrapper>
        <Input.Wrapper
          label={t("reception.confidentiality")}
          error={errorOf(form, "confidentiality")}
        >
          <SegmentedControl
            fullWidth
            size={segmentSize}
            styles={contentWidthSegments}
            data={confidentialities.map((c) => ({ value: c, label: t(`confidentiality.${c}`) }))}
            color={confidentialityChoiceColor[values.confidentiality]}
            mt={4}
            data-testid="confidentiality-control"
            role="radiogroup"
            aria-label={t("reception.confidentiality")}
            {...form.getInputProps("confidentiality")}
          />
        </Input.Wrapper>
      </SimpleGrid>
      {isSecret(values.confidentiality) && (
        <Text size="sm" c="grape.8" data-testid="secret-hint">
          <IconLock size={14} style={{ verticalAlign: -2, marginRight: 4 }} />
          {t("reception.secretHint")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <NumberInput
          label={t("reception.pageCount")}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          data-testid="page-count-input"
          {...pageCount}
          value={values.pageCount ?? mainPages ?? ""}
        />
        <DateField
          label={t("reception.deadline")}
          minDate={vietnamToday()}
          minMessage="reception.deadlinePast"
          data-testid="deadline-input"
          {...form.getInputProps("deadline")}
        />
        <Select
          label={t("reception.receivedVia")}
          data={receptionChannels.map((c) => ({ value: c, label: t(`receptionChannel.${c}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="received-via-select"
          {...form.getInputProps("receivedVia")}
        />
      </SimpleGrid>
      <RegistryField
        kind={registryKindOf(values.confidentiality)}
        value={values.registryId}
        error={errorOf(form, "registryId") as string | undefined}
        onChange={(id) => form.setFieldValue("registryId", id)}
      />
      <Textarea
        label={t("reception.notes")}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        data-testid="notes-input"
        {...form.getInputProps("notes")}
      />
    </Stack>
  );
}
