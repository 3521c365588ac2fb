import { z } from "zod";
import { idField, requiredText, versionField } from "./fields";

/** Present only when a deployment admin works on an organisation other than their own. */
export const organisationIdField = idField.nullish();

const unitFields = {
  name: requiredText(255),
  shortName: requiredText(30),
};

export const listUnitsInput = z.object({ organisationId: organisationIdField });

export const createUnitInput = z.object({ organisationId: organisationIdField, ...unitFields });

export const updateUnitInput = z.object({
  organisationId: organisationIdField,
  id: idField,
  version: versionField,
  ...unitFields,
});

export const setUnitActiveInput = z.object({
  organisationId: organisationIdField,
  id: idField,
  version: versionField,
  active: z.boolean(),
});

export type ListUnitsInput = z.infer<typeof listUnitsInput>;
export type CreateUnitInput = z.infer<typeof createUnitInput>;
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;
export type SetUnitActiveInput = z.infer<typeof setUnitActiveInput>;
