import { z } from "zod";
import { dayField, idField, requiredText, textField, versionField } from "./fields";

export const orgLevels = ["central", "province", "district", "commune"] as const;
export type OrgLevel = (typeof orgLevels)[number];
export type OrgStatus = "active" | "closed" | "merged";

/**
 * Decision 20/2020/QĐ-TTg: four groups for levels 4.3.2.1 of 3, 2, 2 and 3 characters; the
 * level-1 group is a letter and two digits (G.. central bodies, H.. provinces). The database
 * check `organisation_code_format_ck` holds the same pattern.
 */
export const ORG_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

const levelRank: Record<OrgLevel, number> = { central: 0, province: 1, district: 2, commune: 3 };

/**
 * A child sits strictly below its parent. Since the 2025 reform a commune may sit directly
 * under a province, so levels may be skipped.
 */
export const isLevelBelow = (child: OrgLevel, parent: OrgLevel) =>
  levelRank[child] > levelRank[parent];

export const orgCodeSchema = textField({ min: 1, max: 13 })
  .transform((c) => c.toUpperCase())
  .refine((c) => ORG_CODE_PATTERN.test(c), { message: "orgTree.codeFormat" });

const nameSchema = requiredText(255);
const shortNameSchema = requiredText(30);
const idSchema = idField;
const versionSchema = versionField;
const dateSchema = dayField;

export const createOrganisationInput = z.object({
  code: orgCodeSchema,
  name: nameSchema,
  shortName: shortNameSchema,
  level: z.enum(orgLevels),
  parentId: idSchema.nullable(),
  validFrom: dateSchema,
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationInput>;

export const updateOrganisationInput = z.object({
  id: idSchema,
  version: versionSchema,
  code: orgCodeSchema,
  name: nameSchema,
  shortName: shortNameSchema,
});
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationInput>;

/** `parentId: null` makes the organisation a root of the tree. */
export const moveOrganisationInput = z
  .object({ id: idSchema, version: versionSchema, parentId: idSchema.nullable() })
  .refine((v) => v.parentId !== v.id, { path: ["parentId"], message: "orgTree.moveUnderItself" });
export type MoveOrganisationInput = z.infer<typeof moveOrganisationInput>;

export const closeOrganisationInput = z.object({
  id: idSchema,
  version: versionSchema,
  date: dateSchema,
  reason: requiredText(1000, { multiline: true }),
});
export type CloseOrganisationInput = z.infer<typeof closeOrganisationInput>;

export const mergeOrganisationsInput = z
  .object({ sourceId: idSchema, targetId: idSchema, version: versionSchema, date: dateSchema })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "orgTree.mergeSame" });
export type MergeOrganisationsInput = z.infer<typeof mergeOrganisationsInput>;
