"use client";

import { MultiSelect, SegmentedControl, Select, SimpleGrid } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslations } from "next-intl";
import type { StaffDirectory } from "@/components/documents/document-types";
import { peopleOptions } from "@/components/outgoing/route-people-options";
import {
  approvalRules,
  memberRolesByKind,
  type ApprovalRule,
  type ApprovalStepKind,
  type RouteMemberRole,
} from "@/lib/outgoing";
import { MAX_STEP_MEMBERS } from "@/lib/schemas/route-templates";

// "No role" is an option of its own, plain to see on a phone, rather than a small clear button.
const NO_ROLE = "none";

export type TemplateStepValues = {
  key: string;
  kind: ApprovalStepKind;
  rule: ApprovalRule;
  userIds: string[];
  role: RouteMemberRole | null;
};
export type TemplateValues = { name: string; steps: TemplateStepValues[] };

/**
 * Who decides at one step of a template: a role that fits the step's kind, named people who may
 * stand there, or neither (the drafter chooses), and the rule when more than one may decide.
 */
export function TemplateStepFields({
  form,
  index,
  directory,
}: {
  form: UseFormReturnType<TemplateValues>;
  index: number;
  directory: StaffDirectory;
}) {
  const t = useTranslations();
  const step = form.getValues().steps[index]!;
  const field = (name: string) => `steps.${index}.${name}`;
  // The rule matters where more than one person may decide: the clerks, or several named.
  const several = step.role === "clerks" || step.userIds.length + (step.role ? 1 : 0) > 1;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          label={t("routeTemplates.role")}
          data={[
            { value: NO_ROLE, label: t("routeTemplates.rolePlaceholder") },
            ...memberRolesByKind[step.kind].map((r) => ({
              value: r,
              label: t(`routeTemplates.roles.${r}`),
            })),
          ]}
          value={step.role ?? NO_ROLE}
          onChange={(v) => form.setFieldValue(field("role"), v === NO_ROLE ? null : v)}
          error={form.errors[field("role")]}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid={`template-step-${index + 1}-role`}
        />
        <MultiSelect
          label={t("routeTemplates.people")}
          placeholder={
            step.userIds.length === 0 ? t("routeTemplates.peoplePlaceholder") : undefined
          }
          data={peopleOptions(step.kind, directory, "", t("outgoingPage.leadership"))}
          searchable
          maxValues={MAX_STEP_MEMBERS}
          hidePickedOptions
          nothingFoundMessage={t("outgoingPage.nobodyFound")}
          comboboxProps={{ withinPortal: true }}
          data-testid={`template-step-${index + 1}-people`}
          {...form.getInputProps(field("userIds"))}
        />
      </SimpleGrid>
      {several && (
        <SegmentedControl
          size="xs"
          fullWidth
          data={approvalRules.map((r) => ({ value: r, label: t(`outgoingPage.rule.${r}`) }))}
          aria-label={t("outgoingPage.ruleLabel")}
          data-testid={`template-step-${index + 1}-rule`}
          {...form.getInputProps(field("rule"))}
        />
      )}
    </>
  );
}
