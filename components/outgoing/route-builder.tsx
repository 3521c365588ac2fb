"use client";

import { Alert, Button, MultiSelect, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import type { StaffDirectory } from "@/components/documents/document-types";
import { CharacterCount } from "@/components/ui/character-count";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { approvalRules } from "@/lib/outgoing";
import { MAX_STEP_MEMBERS, MAX_TEMPLATE_STEPS } from "@/lib/schemas/route-templates";
import type { OutgoingView } from "./outgoing-types";
import { peopleOptions } from "./route-people-options";
import { candidatesFor, defaultRoute, routeProblems, type RouteStepDraft } from "./route-state";
import { RouteStepCard } from "./route-step-card";
import { stepsFromTemplate } from "./route-template-fill";
import { RouteTemplateSelect, type DraftingTemplate } from "./route-template-select";
import { useOutgoingAction } from "./use-outgoing-action";

const COMMENT_MAX = 2000;

type StepValues = RouteStepDraft & { key: string };
type Values = { steps: StepValues[]; comment: string };

/**
 * The drafter chooses the road of the draft: steps in order, each a kind, a rule and the people
 * who decide there, ending with the leader's signature. It starts from the usual road (or the
 * draft's previous route), so sending is one tap when nothing needs changing; the organisation's
 * route templates can fill the steps instead, still to be changed at will.
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
  const tTemplates = useTranslations("routeTemplates");
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

  const [filledFrom, setFilledFrom] = useState<{ name: string; empty: boolean } | null>(null);
  const fillFrom = (template: DraftingTemplate) => {
    const filled = stepsFromTemplate(template.steps, view, directory);
    form.setFieldValue(
      "steps",
      filled.map((s) => ({ ...s, key: randomId() })),
    );
    form.clearErrors();
    setFilledFrom({ name: template.name, empty: filled.some((s) => s.userIds.length === 0) });
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
          <RouteTemplateSelect onPick={fillFrom} />
          {filledFrom && (
            <Text size="sm" c="dimmed" data-testid="route-template-filled">
              {tTemplates(filledFrom.empty ? "filledNeedsPeople" : "filled", {
                name: filledFrom.name,
              })}
            </Text>
          )}
          {steps.map((step, i) => (
            <RouteStepCard
              key={step.key}
              index={i}
              count={steps.length}
              kind={step.kind}
              kindError={form.errors[`steps.${i}.kind`]}
              onKind={(kind) => {
                form.setFieldValue(`steps.${i}.kind`, kind);
                // The people of another kind of step rarely fit the new one.
                const fits = new Set(
                  candidatesFor(kind, directory, view.drafter.id).map((p) => p.id),
                );
                form.setFieldValue(
                  `steps.${i}.userIds`,
                  step.userIds.filter((id) => fits.has(id)),
                );
              }}
              onMove={(to) => form.reorderListItem("steps", { from: i, to })}
              onRemove={() => form.removeListItem("steps", i)}
              testId="route-edit-step"
            >
              <MultiSelect
                label={t(`stepPeople.${step.kind}`)}
                data={peopleOptions(step.kind, directory, view.drafter.id, t("leadership"))}
                searchable
                maxValues={MAX_STEP_MEMBERS}
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
            </RouteStepCard>
          ))}
          {typeof form.errors.steps === "string" && (
            <Alert color="red" variant="light" data-testid="route-error">
              {form.errors.steps}
            </Alert>
          )}
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            disabled={steps.length >= MAX_TEMPLATE_STEPS}
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
