"use client";

import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { vietnamToday } from "@/lib/dates";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { DateField } from "@/components/ui/date-field";
import { ActionDialog } from "./action-dialog";
import { formatDate } from "./document-format";
import { DirectionPhrases } from "./direction-phrases";
import type { AssignmentView, DocumentInfo, StaffDirectory } from "./document-types";
import { directStart, openParts, passedUnreplaced, type DirectValues } from "./direct-values";
import { targetOf, targetOptions, withoutChosen } from "./target-options";
import { useDocumentAction } from "./use-document-action";

// The server names a target by its place in the request ("lead", "co.1"); the form by its field.
function fieldOf(field: string): string {
  const m = /^(lead|co\.\d+)(?:\.(unitId|userId|deadline))?$/.exec(field);
  if (m) return m[2] === "deadline" ? `${m[1]}.deadline` : `${m[1]}.target`;
  return field.startsWith("info") ? "info" : field;
}

/**
 * The leader's direction: who leads (a unit or a person) and by when, who helps, each with a
 * deadline, and who is told for information. Directing again starts from the parts still open,
 * which the new direction replaces.
 */
export function DirectForm({
  doc,
  assignments,
  directory,
  currentUserId,
  onClose,
}: {
  doc: DocumentInfo;
  assignments: AssignmentView[];
  directory: StaffDirectory;
  currentUserId: string;
  onClose: () => void;
}) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const today = vietnamToday();
  // The issuer's deadline is the one to meet; the internal one starts from it.
  const issuerDeadline = doc.issuerDeadline ?? null;
  const redirecting = openParts(assignments).length > 0;
  const newDeadline = (part: string, values: DirectValues) =>
    passedUnreplaced(values, part) ? t("deadlinePassedNew") : null;
  const passedHint = (passed: string | null) =>
    passed ? t("deadlinePassed", { date: formatDate(passed) }) : undefined;

  const form = useForm<DirectValues>({
    initialValues: directStart(doc, assignments, today, randomId),
    validate: {
      direction: (v) => (v.trim() ? null : tv("required")),
      lead: {
        target: (v) => (v ? null : tv("required")),
        deadline: (_, all) => newDeadline("lead", all),
      },
      co: {
        target: (v) => (v ? null : tv("required")),
        deadline: (_, all, path) => newDeadline(path.replace(/\.deadline$/, ""), all),
      },
    },
  });
  const { act, pending } = useDocumentAction(doc, { onClose, form, fieldOf });

  const options = targetOptions(
    directory,
    { units: t("groupUnits"), people: t("groupPeople"), noHead: t("unitWithoutHead") },
    { exclude: [currentUserId] },
  );
  const { values } = form;
  const pastIssuer = (d: string | null) => Boolean(issuerDeadline && d && d > issuerDeadline);
  const latePart = [values.lead.deadline, ...values.co.map((c) => c.deadline)].some(pastIssuer);
  const addPhrase = (phrase: string) => {
    const current = values.direction.trimEnd();
    form.setFieldValue("direction", current ? `${current} ${phrase}` : phrase);
  };
  const chosen = [values.lead.target, ...values.co.map((c) => c.target), ...values.info];
  const choices = (keep: string | null) => withoutChosen(options, chosen, keep);

  const submit = form.onSubmit((v) =>
    act(
      {
        action: "direct",
        direction: v.direction.trim(),
        lead: targetOf(v.lead.target!, v.lead.deadline),
        co: v.co.map((c) => targetOf(c.target!, c.deadline)),
        info: v.info.map((x) => targetOf(x)),
      },
      t("directDone"),
    ),
  );

  return (
    <ActionDialog
      title={t(redirecting ? "redirectTitle" : "directTitle")}
      onClose={onClose}
      size="xl"
    >
      <form onSubmit={submit} noValidate data-testid="direct-form">
        <Stack gap="md">
          {redirecting && (
            <Alert color="orange" variant="light">
              {t("redirectHint")}
            </Alert>
          )}
          <DirectionPhrases onPick={addPhrase} />
          <Textarea
            label={t("direction")}
            placeholder={t("directionPlaceholder")}
            required
            autosize
            minRows={3}
            maxRows={12}
            maxLength={2000}
            data-autofocus
            data-testid="direct-text"
            {...form.getInputProps("direction")}
          />
          <Fieldset legend={t("roleLeadLong")}>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t("leadTarget")}
                required
                data={choices(values.lead.target)}
                searchable
                comboboxProps={{ withinPortal: true }}
                style={{ flex: "1 1 260px" }}
                allowDeselect={false}
                data-testid="direct-lead"
                {...form.getInputProps("lead.target")}
              />
              <DateField
                label={t("deadline")}
                minDate={today}
                w={160}
                description={passedHint(values.lead.passed)}
                data-testid="direct-lead-deadline"
                {...form.getInputProps("lead.deadline")}
              />
            </Group>
          </Fieldset>
          <Fieldset legend={t("roleCoLong")}>
            <Stack gap="xs">
              {values.co.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t("noCoHandlers")}
                </Text>
              )}
              {values.co.map((row, i) => (
                <Group key={row.key} align="flex-end" gap="sm" wrap="wrap">
                  <Select
                    label={t("coTarget", { n: i + 1 })}
                    data={choices(row.target)}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                    style={{ flex: "1 1 260px" }}
                    allowDeselect={false}
                    data-testid={`direct-co-${i}`}
                    {...form.getInputProps(`co.${i}.target`)}
                  />
                  <DateField
                    label={t("deadline")}
                    minDate={today}
                    w={160}
                    description={passedHint(row.passed)}
                    {...form.getInputProps(`co.${i}.deadline`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t("removeCo")}
                    onClick={() => form.removeListItem("co", i)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() =>
                    form.insertListItem("co", {
                      key: randomId(),
                      target: null,
                      deadline: values.lead.deadline,
                      passed: null,
                    })
                  }
                  data-testid="direct-add-co"
                >
                  {t("addCo")}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          {latePart && (
            <Alert color="orange" variant="light" data-testid="past-issuer-deadline">
              {t("pastIssuerDeadline", { date: formatDate(issuerDeadline!) })}
            </Alert>
          )}
          <MultiSelect
            label={t("roleInfoLong")}
            description={t("infoHint")}
            data={withoutChosen(options, [values.lead.target, ...values.co.map((c) => c.target)])}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="direct-info"
            {...form.getInputProps("info")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("directSubmit")}
          pending={pending}
          testId="direct-submit"
        />
      </form>
    </ActionDialog>
  );
}
