import { z } from "zod";
import { auditActionFilters, auditEntityTypes } from "@/lib/audit-actions";
import { dayField, idField, pageLimit, serialIdField } from "./fields";

/** What the log can be narrowed to; every filter is optional and they all apply together. */
export const auditFilterFields = {
  /** The person who acted. */
  actorId: idField.nullish(),
  /** One action ("user.updated") or a group of them ("user"). */
  action: z.enum(auditActionFilters).nullish(),
  entityType: z.enum(auditEntityTypes).nullish(),
  entityId: idField.nullish(),
  /** Days in Vietnam time, both included. */
  from: dayField.nullish(),
  to: dayField.nullish(),
};

export const auditListInput = z
  .object({
    organisationId: idField.optional(),
    ...auditFilterFields,
    cursor: serialIdField.nullish(),
    limit: pageLimit(100, 50),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    path: ["to"],
    message: "audit.dateOrder",
  });

export type AuditListInput = z.infer<typeof auditListInput>;

export const auditVerifyInput = z.object({ organisationId: idField.optional() });

export const auditActorsInput = z.object({ organisationId: idField.optional() });
