import { z } from "zod";
import { idField, int32Field, requiredText, versionField } from "./fields";

export const registryKinds = ["incoming", "outgoing", "copy", "secret", "secret_outgoing"] as const;
export type RegistryKind = (typeof registryKinds)[number];
export const registryPeriodKinds = ["year", "term"] as const;
export type RegistryPeriodKind = (typeof registryPeriodKinds)[number];

/** The names Vietnamese clerks give the registry books an organisation keeps by default. */
export const defaultRegistryNames: Record<RegistryKind, string> = {
  incoming: "Sổ văn bản đến",
  outgoing: "Sổ văn bản đi",
  copy: "Sổ văn bản sao",
  secret: "Sổ văn bản mật đến",
  secret_outgoing: "Sổ văn bản mật đi",
};

const registryFields = {
  name: requiredText(255),
  kind: z.enum(registryKinds),
  periodKind: z.enum(registryPeriodKinds).default("year"),
  termStartYear: int32Field({ min: 1930, max: 2200 })
    .nullish()
    .transform((v) => v ?? null),
  termYears: int32Field({ min: 1, max: 10 })
    .nullish()
    .transform((v) => v ?? null),
  isDefault: z.boolean().default(false),
};

type TermFields = {
  periodKind: RegistryPeriodKind;
  termStartYear: number | null;
  termYears: number | null;
};

/** A term registry (Party bodies) needs the first year of its term and the term's length. */
function refineTerm(value: TermFields, ctx: z.RefinementCtx) {
  if (value.periodKind !== "term") return;
  if (value.termStartYear === null) {
    ctx.addIssue({ code: "custom", path: ["termStartYear"], message: "registry.termRequired" });
  }
  if (value.termYears === null) {
    ctx.addIssue({ code: "custom", path: ["termYears"], message: "registry.termRequired" });
  }
}

/** Term fields mean nothing for a year registry; the database keeps them empty. */
const clearTermOfYearRegistry = <T extends TermFields>(value: T): T =>
  value.periodKind === "year" ? { ...value, termStartYear: null, termYears: null } : value;

export const listRegistriesInput = z
  .object({ kind: z.enum(registryKinds).optional(), includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });

export const createRegistryInput = z
  .object(registryFields)
  .superRefine(refineTerm)
  .transform(clearTermOfYearRegistry);

export const updateRegistryInput = z
  .object({
    id: idField,
    version: versionField,
    ...registryFields,
    active: z.boolean().default(true),
  })
  .superRefine(refineTerm)
  .transform(clearTermOfYearRegistry);

export type ListRegistriesInput = z.input<typeof listRegistriesInput>;
export type CreateRegistryInput = z.infer<typeof createRegistryInput>;
export type UpdateRegistryInput = z.infer<typeof updateRegistryInput>;
