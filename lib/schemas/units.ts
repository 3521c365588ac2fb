import { z } from "zod";

/** Present only when a deployment admin works on an organisation other than their own. */
export const organisationIdField = z.uuid().nullish();

/** Optimistic concurrency: the version of the row the user saw. */
export const versionField = z.number().int().positive();

const unitFields = {
  name: z.string().trim().min(1).max(255),
  shortName: z.string().trim().min(1).max(30),
};

export const listUnitsInput = z.object({ organisationId: organisationIdField });

export const createUnitInput = z.object({ organisationId: organisationIdField, ...unitFields });

export const updateUnitInput = z.object({
  organisationId: organisationIdField,
  id: z.uuid(),
  version: versionField,
  ...unitFields,
});

export const setUnitActiveInput = z.object({
  organisationId: organisationIdField,
  id: z.uuid(),
  version: versionField,
  active: z.boolean(),
});

export type ListUnitsInput = z.infer<typeof listUnitsInput>;
export type CreateUnitInput = z.infer<typeof createUnitInput>;
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;
export type SetUnitActiveInput = z.infer<typeof setUnitActiveInput>;
