import { z } from "zod";
import { idField, pageLimit, serialIdField } from "./fields";

export const auditListInput = z.object({
  organisationId: idField.optional(),
  cursor: serialIdField.nullish(),
  limit: pageLimit(100, 50),
});

export const auditVerifyInput = z.object({ organisationId: idField.optional() });
