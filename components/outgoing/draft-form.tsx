"use client";

import {
  Alert,
  Button,
  Group,
  Input,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useId } from "@mantine/hooks";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, type ReactNode } from "react";
import type { StaffDirectory } from "@/components/documents/document-types";
import { targetOptions } from "@/components/documents/target-options";
import { foldedFilter } from "@/components/ui/folded-filter";
import { useUploads } from "@/components/reception/use-uploads";
import { RichTextEditor } from "@/components/ui/rich-text-editor";
import { isDeputy } from "@/lib/rank";
import { AddresseesField } from "./addressees-field";
import { CopiesField } from "./copies-field";
import { DocumentFields } from "./document-fields";
import { DraftAttachments } from "./draft-attachments";
import {
  draftErrors,
  draftFieldOf,
  draftValuesOf,
  suggestSignerTitle,
  toDraftRequest,
  type DraftInitial,
  type DraftRequest,
  type DraftValues,
} from "./draft-values";
import { leadersOf, SignatureFields } from "./signature-fields";

/** The fields the form shows an error beside; a refusal of any other goes above the button. */
const shownFields = new Set([
  "documentType",
  "subject",
  "urgency",
  "confidentiality",
  "addressees",
  "internal",
  "copiesTo",
  "signerId",
  "signingAuthority",
  "signerTitle",
  "body",
  "attachments",
]);

/** Brings the first refused field into view: on a phone it is usually off screen. */
function revealFirstError() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      '[data-draft-form] [aria-invalid="true"], [data-draft-form] [data-field-error]',
    );
    field?.scrollIntoView({ block: "center", behavior: "smooth" });
    if (field?.matches("input, textarea, [contenteditable]")) field.focus({ preventScroll: true });
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export type DraftFormProps = {
  /** A saved draft to edit; left out, a new one starts as a công văn. */
  initial?: DraftInitial;
  /** The people and units of the organisation: leaders sign, units and people receive copies. */
  directory: StaffDirectory;
  /** The drafter's organisation, whose name heads a "TM." signature. */
  organisationName: string;
  submitLabel: string;
  onSubmit: (request: DraftRequest) => Promise<void>;
  busy?: boolean;
  /** The server's refusals by field, already translated, as `fieldErrorsOf` reads them. */
  serverErrors?: Record<string, string> | null;
};

/**
 * The drafter's form for an outgoing document, new or saved, in the order of the printed page:
 * what it is and what about, to whom, the text, then the copies beside the signature, and the
 * files sent with it. The signature's position lines follow the signer and the authority until
 * the drafter writes their own.
 */
export function DraftForm({
  initial,
  directory,
  organisationName,
  submitLabel,
  onSubmit,
  busy = false,
  serverErrors,
}: DraftFormProps) {
  const t = useTranslations();
  const td = useTranslations("outgoingDraft");
  const bodyErrorId = useId();
  const form = useForm<DraftValues>({ initialValues: draftValuesOf(initial) });
  const uploads = useUploads({
    failed: t("files.uploadFailed"),
    duplicate: (name) => td("duplicateAttachment", { name }),
  });
  const values = form.getValues();
  const { errors } = form;
  const { setErrors } = form;

  const leaders = useMemo(() => leadersOf(directory), [directory]);
  const head = leaders.find((l) => !isDeputy(l.jobTitle)) ?? leaders[0] ?? null;
  const names = useMemo(
    () =>
      new Map([
        ...directory.units.map((u) => [`unit:${u.id}`, u.name] as const),
        ...[
          ...directory.leadership,
          ...directory.units.flatMap((u) => u.staff),
          ...directory.unassigned,
        ].map((p) => [`user:${p.id}`, p.fullName] as const),
      ]),
    [directory],
  );
  const internalOptions = useMemo(
    () =>
      targetOptions(directory, {
        units: td("groupUnits"),
        people: td("groupPeople"),
        noHead: td("unitWithoutHead"),
      }),
    [directory, td],
  );

  useEffect(() => {
    if (!serverErrors || Object.keys(serverErrors).length === 0) return;
    const addressees = form.getValues().addressees.length;
    const mapped: Record<string, string> = {};
    for (const [field, message] of Object.entries(serverErrors)) {
      mapped[draftFieldOf(field, addressees)] ??= message;
    }
    setErrors(mapped);
    revealFirstError();
    // Only a new refusal from the server is put on the fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverErrors]);

  const suggestion = (v: Pick<DraftValues, "signerId" | "signingAuthority">) =>
    suggestSignerTitle({
      authority: v.signingAuthority,
      signerJobTitle: leaders.find((l) => l.id === v.signerId)?.jobTitle ?? null,
      headJobTitle: head?.jobTitle ?? null,
      organisationName,
    });
  // The position lines follow the signer and authority while they are what was suggested.
  const changeSignature = (change: Partial<Pick<DraftValues, "signerId" | "signingAuthority">>) => {
    const before = form.getValues();
    const after = { ...before, ...change };
    const title = before.signerTitle.trim();
    form.setValues({
      ...change,
      ...(title === "" || title === suggestion(before) ? { signerTitle: suggestion(after) } : {}),
    });
    form.clearFieldError("signerId");
    form.clearFieldError("signerTitle");
  };

  const submit = async () => {
    if (busy) return;
    const found: Record<string, string> = draftErrors(values, t);
    if (uploads.pending) found.attachments = td("attachmentsPending");
    else if (uploads.failed) found.attachments = td("attachmentsFailed");
    if (Object.keys(found).length > 0) {
      setErrors(found);
      revealFirstError();
      return;
    }
    const fresh = uploads.attached.filter(
      (f) => !values.attachments.some((k) => k.sha256 === f.sha256),
    );
    await onSubmit(
      toDraftRequest(values, {
        initial,
        names,
        attachments: [
          ...values.attachments,
          ...fresh.map(({ sha256, fileName }) => ({ sha256, fileName })),
        ],
      }),
    );
  };

  const otherErrors = Object.entries(errors).filter(
    ([field]) => !shownFields.has(field) && !field.startsWith("copiesTo."),
  );
  const bodyError = errors.body as string | undefined;

  return (
    <form
      noValidate
      data-draft-form
      data-testid="draft-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md" maw={960}>
        <Section title={td("sectionDocument")}>
          <DocumentFields form={form} />
        </Section>

        <Section title={td("sectionRecipients")}>
          <Stack gap="md">
            <AddresseesField
              value={values.addressees}
              onChange={(addressees) => {
                form.setFieldValue("addressees", addressees);
                form.clearFieldError("addressees");
              }}
              error={errors.addressees as string | undefined}
            />
            <MultiSelect
              label={td("internal")}
              description={td("internalHint")}
              placeholder={values.internal.length === 0 ? td("internalPlaceholder") : undefined}
              data={internalOptions}
              searchable
              clearable
              filter={foldedFilter}
              nothingFoundMessage={td("noTargetFound")}
              maxDropdownHeight={320}
              hidePickedOptions
              comboboxProps={{ withinPortal: true }}
              inputWrapperOrder={["label", "description", "input", "error"]}
              data-testid="internal-select"
              {...form.getInputProps("internal")}
            />
          </Stack>
        </Section>

        <Section title={td("sectionBody")}>
          <Stack gap={4}>
            <RichTextEditor
              value={values.body}
              onChange={(body) => {
                form.setFieldValue("body", body);
                if (bodyError) form.clearFieldError("body");
              }}
              label={td("body")}
              invalid={Boolean(bodyError)}
              describedBy={bodyError ? bodyErrorId : undefined}
              minHeight={280}
              data-testid="body-editor"
            />
            {bodyError && (
              <Input.Error id={bodyErrorId} data-field-error>
                {bodyError}
              </Input.Error>
            )}
          </Stack>
        </Section>

        {/* As on the printed page: the copies on the left, the signature on the right. */}
        <Section title={td("sectionSignature")}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <CopiesField
              value={values.copiesTo}
              errors={errors}
              onChange={(copiesTo) => {
                form.setFieldValue("copiesTo", copiesTo);
                form.clearFieldError("copiesTo");
              }}
            />
            <SignatureFields
              leaders={leaders}
              signerId={values.signerId}
              authority={values.signingAuthority}
              title={values.signerTitle}
              errors={errors}
              onSignerChange={(signerId) => changeSignature({ signerId })}
              onAuthorityChange={(signingAuthority) => changeSignature({ signingAuthority })}
              onTitleChange={(title) => {
                form.setFieldValue("signerTitle", title);
                form.clearFieldError("signerTitle");
              }}
            />
          </SimpleGrid>
        </Section>

        <Section title={td("sectionFiles")}>
          <DraftAttachments
            kept={values.attachments}
            onKeptChange={(kept) => form.setFieldValue("attachments", kept)}
            uploads={uploads}
            error={errors.attachments as string | undefined}
          />
        </Section>

        {otherErrors.length > 0 && (
          <Alert color="red" variant="light" data-testid="draft-other-errors">
            <Stack gap={4}>
              {otherErrors.map(([field, message]) => (
                <Text key={field} size="sm" data-field-error>
                  {message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}

        <Paper
          withBorder
          p="sm"
          pos="sticky"
          bottom={0}
          shadow="sm"
          style={{ zIndex: 3 }}
          data-testid="draft-actions"
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {td("saveHint")}
            </Text>
            <Button
              type="submit"
              size="md"
              loading={busy}
              leftSection={<IconDeviceFloppy size={20} />}
              miw={180}
              ml="auto"
              data-testid="draft-submit"
            >
              {submitLabel}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
