import { z } from "zod";

export const auditListInput = z.object({
  organisationId: z.uuid().optional(),
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const auditVerifyInput = z.object({ organisationId: z.uuid().optional() });
