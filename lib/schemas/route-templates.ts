import { z } from "zod";
import { approvalRules, approvalStepKinds, routeMemberRoles } from "@/lib/outgoing";
import { idField, requiredText, versionField } from "./fields";

export const MAX_TEMPLATE_STEPS = 10;
export const MAX_STEP_MEMBERS = 10;

/** A template's step: people, a role, both, or neither (chosen when drafting). */
export const templateStepInput = z.object({
  kind: z.enum(approvalStepKinds),
  rule: z.enum(approvalRules).default("all"),
  userIds: z.array(idField).max(MAX_STEP_MEMBERS).default([]),
  role: z
    .enum(routeMemberRoles)
    .nullish()
    .transform((v) => v ?? null),
});

const templateFields = {
  name: requiredText(200),
  steps: z.array(templateStepInput).min(1).max(MAX_TEMPLATE_STEPS),
};

export const createRouteTemplateInput = z.object(templateFields);

export const updateRouteTemplateInput = z.object({
  id: idField,
  version: versionField,
  ...templateFields,
});

export const deactivateRouteTemplateInput = z.object({ id: idField, version: versionField });

export type CreateRouteTemplateInput = z.infer<typeof createRouteTemplateInput>;
export type UpdateRouteTemplateInput = z.infer<typeof updateRouteTemplateInput>;
export type DeactivateRouteTemplateInput = z.infer<typeof deactivateRouteTemplateInput>;
