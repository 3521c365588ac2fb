"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import type { StaffDirectory } from "@/components/documents/document-types";
import { CharacterCount } from "@/components/ui/character-count";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { approvalRules, approvalStepKinds, type ApprovalStepKind } from "@/lib/outgoing";
import type { OutgoingView } from "./outgoing-types";
import { candidatesFor, defaultRoute, routeProblems, type RouteStepDraft } from "./route-state";
import { useOutgoingAction } from "./use-outgoing-action";

const MAX_STEPS = 10;
const MAX_MEMBERS = 10;
const COMMENT_MAX = 2000;

type StepValues = RouteStepDraft & { key: string };
type Values = { steps: StepValues[]; comment: string };

/**
 * The drafter chooses the road of the draft: steps in order, each a kind, a rule and the people
 * who decide there, ending with the leader's signature. It starts from the usual road (or the
 * draft's previous route), so sending is one tap when nothing needs changing.
 */
export function RouteBuilder({
  view,
  directory,
  onClose,
}: {
  view: OutgoingView;
  directory: StaffDirectory;
  onClose: () => void;
}) {
  const t = useTranslations("outgoingPage");
  const initialSteps = useMemo(
    () => defaultRoute(view, directory).map((s) => ({ ...s, key: randomId() })),
    // The defaults are read once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const form = useForm<Values>({
    initialValues: { steps: initialSteps, comment: "" },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(routeProblems(values.steps)).map(([field, key]) => [
          field,
          t(`routeProblem.${key}`),
        ]),
      ),
  });
  const { act, pending } = useOutgoingAction(view, { onClose, form });
  const { steps } = form.getValues();
  const again = view.status === "returned_to_drafter";

  const options = (kind: ApprovalStepKind) => {
    const people = candidatesFor(kind, directory, view.drafter.id);
    const unitName = new Map(directory.units.map((u) => [u.id, u.name]));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const p of people) {
      const group = p.unitId ? (unitName.get(p.unitId) ?? "") : t("leadership");
      groups.set(group, [
        ...(groups.get(group) ?? []),
        { value: p.id, label: `${p.fullName} — ${p.jobTitle}` },
      ]);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  };

  const submit = form.onSubmit((v) =>
    act(
      {
        action: "sendOnRoute",
        steps: v.steps.map(({ kind, rule, userIds }) => ({ kind, rule, userIds })),
        comment: v.comment.trim() || null,
      },
      t("sendDone"),
    ),
  );

  return (
    <ActionDialog title={t(again ? "sendAgainTitle" : "sendTitle")} onClose={onClose} size="xl">
      <form onSubmit={submit} noValidate data-testid="route-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("sendHint")}
          </Text>
          {steps.map((step, i) => (
            <Paper
              key={step.key}
              withBorder
              p="sm"
              data-testid={`route-edit-step-${i + 1}`}
              data-kind={step.kind}
            >
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
                    <Badge variant="filled" circle size="lg">
                      {i + 1}
                    </Badge>
                    <Select
                      aria-label={t("stepKindLabel", { position: i + 1 })}
                      data={approvalStepKinds.map((k) => ({ value: k, label: t(`stepKind.${k}`) }))}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: true }}
                      style={{ flex: 1, minWidth: 0 }}
                      data-testid={`route-edit-step-${i + 1}-kind`}
                      {...form.getInputProps(`steps.${i}.kind`)}
                      onChange={(value) => {
                        if (!value) return;
                        form.setFieldValue(`steps.${i}.kind`, value as ApprovalStepKind);
                        // The people of another kind of step rarely fit the new one.
                        const fits = new Set(
                          candidatesFor(value as ApprovalStepKind, directory, view.drafter.id).map(
                            (p) => p.id,
                          ),
                        );
                        form.setFieldValue(
                          `steps.${i}.userIds`,
                          step.userIds.filter((id) => fits.has(id)),
                        );
                      }}
                    />
                  </Group>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === 0}
                      aria-label={t("stepUp", { position: i + 1 })}
                      onClick={() => form.reorderListItem("steps", { from: i, to: i - 1 })}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === steps.length - 1}
                      aria-label={t("stepDown", { position: i + 1 })}
                      onClick={() => form.reorderListItem("steps", { from: i, to: i + 1 })}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={steps.length === 1}
                      aria-label={t("stepRemove", { position: i + 1 })}
                      onClick={() => form.removeListItem("steps", i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
                <MultiSelect
                  label={t(`stepPeople.${step.kind}`)}
                  data={options(step.kind)}
                  searchable
                  maxValues={MAX_MEMBERS}
                  hidePickedOptions
                  nothingFoundMessage={t("nobodyFound")}
                  comboboxProps={{ withinPortal: true }}
                  data-testid={`route-edit-step-${i + 1}-people`}
                  {...form.getInputProps(`steps.${i}.userIds`)}
                />
                {step.userIds.length > 1 && (
                  <SegmentedControl
                    size="xs"
                    fullWidth
                    data={approvalRules.map((r) => ({ value: r, label: t(`rule.${r}`) }))}
                    aria-label={t("ruleLabel")}
                    data-testid={`route-edit-step-${i + 1}-rule`}
                    {...form.getInputProps(`steps.${i}.rule`)}
                  />
                )}
              </Stack>
            </Paper>
          ))}
          {typeof form.errors.steps === "string" && (
            <Alert color="red" variant="light" data-testid="route-error">
              {form.errors.steps}
            </Alert>
          )}
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            disabled={steps.length >= MAX_STEPS}
            onClick={() =>
              // A new step goes before the signature, where consultations and checks belong.
              form.insertListItem(
                "steps",
                { key: randomId(), kind: "review", rule: "all", userIds: [] },
                steps.at(-1)?.kind === "sign" ? steps.length - 1 : steps.length,
              )
            }
            style={{ alignSelf: "flex-start" }}
            data-testid="route-add-step"
          >
            {t("addStep")}
          </Button>
          <Textarea
            label={t("sendComment")}
            placeholder={t("sendCommentPlaceholder")}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={COMMENT_MAX}
            description={<CharacterCount value={form.getValues().comment} max={COMMENT_MAX} />}
            inputWrapperOrder={["label", "input", "description", "error"]}
            data-testid="route-comment"
            {...form.getInputProps("comment")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t(again ? "sendAgain" : "send")}
          pending={pending}
          testId="route-submit"
        />
      </form>
    </ActionDialog>
  );
}
