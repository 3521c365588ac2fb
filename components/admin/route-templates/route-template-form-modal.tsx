"use client";

import { Alert, Button, Group, Input, Loader, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId, useMediaQuery } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { StaffDirectory } from "@/components/documents/document-types";
import { RouteStepCard } from "@/components/outgoing/route-step-card";
import { candidatesFor, routeProblems } from "@/components/outgoing/route-state";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import { memberRolesByKind, type ApprovalStepKind, type RouteTemplateStep } from "@/lib/outgoing";
import { MAX_TEMPLATE_STEPS } from "@/lib/schemas/route-templates";
import type { RouteTemplateRow } from "./route-template-types";
import {
  TemplateStepFields,
  type TemplateStepValues,
  type TemplateValues,
} from "./template-step-fields";

/** A new template starts as the road of Decree 30: unit head, clerks, a leader. */
const usualRoad: RouteTemplateStep[] = [
  { kind: "review", rule: "all", userIds: [], role: "unit_head_of_drafter" },
  { kind: "format_check", rule: "any", userIds: [], role: "clerks" },
  { kind: "sign", rule: "all", userIds: [], role: "leader" },
];

const withKeys = (steps: RouteTemplateStep[]): TemplateStepValues[] =>
  steps.map((s) => ({ ...s, key: randomId() }));

/**
 * Creates a route template (`template` null) or edits one; the row's version travels with the
 * edit. The steps are put together as in the route builder; the route's rules are checked here
 * first and by the server, whose refusals land on the fields.
 */
export function RouteTemplateFormModal({
  template,
  onClose,
}: {
  template: RouteTemplateRow | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const phone = useMediaQuery("(max-width: 36em)");
  const directory = useQuery(trpc.directory.staff.queryOptions());
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(template ? "routeTemplates.editTitle" : "routeTemplates.createTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      size="xl"
      fullScreen={phone}
      centered
    >
      {directory.data ? (
        <TemplateForm template={template} directory={directory.data} onClose={onClose} />
      ) : directory.isError ? (
        <Alert color="red" variant="light">
          {t("routeTemplates.loadError")}
        </Alert>
      ) : (
        <Group justify="center" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Group>
      )}
    </Modal>
  );
}

function TemplateForm({
  template,
  directory,
  onClose,
}: {
  template: RouteTemplateRow | null;
  directory: StaffDirectory;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const form = useForm<TemplateValues>({
    initialValues: { name: template?.name ?? "", steps: withKeys(template?.steps ?? usualRoad) },
    validate: (values) => {
      // A template may leave a step's people to the drafter; the order of its steps is a route's.
      const problems = Object.entries(routeProblems(values.steps)).filter(
        ([, key]) => key !== "pickSomeone",
      );
      return {
        ...Object.fromEntries(
          problems.map(([f, key]) => [f, t(`outgoingPage.routeProblem.${key}`)]),
        ),
        ...(values.name.trim() ? {} : { name: t("validation.required") }),
      };
    },
  });
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.routeTemplates.list.pathKey(), trpc.routeTemplates.forDrafting.pathKey()],
    onClose,
    errorMessage: t("routeTemplates.saveError"),
    form,
  });
  const onSuccess = (saved: { name: string }) =>
    succeed(
      t(template ? "routeTemplates.updated" : "routeTemplates.created", { name: saved.name }),
    );
  const create = useMutation(
    trpc.routeTemplates.create.mutationOptions({ onSuccess, onError: fail }),
  );
  const update = useMutation(
    trpc.routeTemplates.update.mutationOptions({ onSuccess, onError: fail }),
  );

  const submit = form.onSubmit((values) => {
    const fields = {
      name: values.name,
      steps: values.steps.map(({ kind, rule, userIds, role }) => ({ kind, rule, userIds, role })),
    };
    if (template) update.mutate({ id: template.id, version: template.version, ...fields });
    else create.mutate(fields);
  });

  const { steps } = form.getValues();
  const changeKind = (i: number, kind: ApprovalStepKind) => {
    const step = steps[i]!;
    const fits = new Set(candidatesFor(kind, directory, "").map((p) => p.id));
    form.setFieldValue(`steps.${i}`, {
      ...step,
      kind,
      // What fitted the old kind of step may not fit the new one.
      role: step.role && memberRolesByKind[kind].includes(step.role) ? step.role : null,
      userIds: step.userIds.filter((id) => fits.has(id)),
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="route-template-form">
      <Stack gap="sm">
        <TextInput
          label={t("routeTemplates.name")}
          placeholder={t("routeTemplates.namePlaceholder")}
          required
          maxLength={200}
          data-autofocus
          data-testid="route-template-name"
          {...form.getInputProps("name")}
        />
        <Input.Wrapper
          label={t("routeTemplates.steps")}
          description={t("routeTemplates.stepsHint")}
          labelElement="div"
        />
        {steps.map((step, i) => (
          <RouteStepCard
            key={step.key}
            index={i}
            count={steps.length}
            kind={step.kind}
            kindError={form.errors[`steps.${i}.kind`]}
            onKind={(kind) => changeKind(i, kind)}
            onMove={(to) => form.reorderListItem("steps", { from: i, to })}
            onRemove={() => form.removeListItem("steps", i)}
            testId="template-step"
          >
            <TemplateStepFields form={form} index={i} directory={directory} />
          </RouteStepCard>
        ))}
        {typeof form.errors.steps === "string" && (
          <Alert color="red" variant="light" data-testid="route-template-steps-error">
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
              { key: randomId(), kind: "review", rule: "all", userIds: [], role: null },
              steps.at(-1)?.kind === "sign" ? steps.length - 1 : steps.length,
            )
          }
          style={{ alignSelf: "flex-start" }}
          data-testid="template-add-step"
        >
          {t("outgoingPage.addStep")}
        </Button>
      </Stack>
      <DialogButtons
        onCancel={onClose}
        submitLabel={t(template ? "common.save" : "common.create")}
        pending={create.isPending || update.isPending}
        testId="route-template-submit"
      />
    </form>
  );
}
