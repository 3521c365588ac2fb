import { z } from "zod";
import { idField, requiredText, searchText, versionField } from "./fields";

export const GROUP_NAME_MAX = 200;
export const GROUP_MEMBERS_MAX = 200;

/** The organisations the "Kính gửi" field offers as the drafter types a name or a code. */
export const recipientSearchInput = z.object({ query: searchText(100) }).default({ query: "" });

/** A branch of the tree: the open organisations directly under one. */
export const recipientBranchInput = z.object({ organisationId: idField });

/** Organisations a draft or a group names, to say which of them are merged, closed or elsewhere. */
export const describeRecipientsInput = z.object({
  organisationIds: z.array(idField).max(GROUP_MEMBERS_MAX),
});

const groupFields = {
  name: requiredText(GROUP_NAME_MAX),
  memberIds: z.array(idField).min(1).max(GROUP_MEMBERS_MAX),
};

export const createRecipientGroupInput = z.object(groupFields);

export const updateRecipientGroupInput = z.object({
  id: idField,
  version: versionField,
  ...groupFields,
});

export const deleteRecipientGroupInput = z.object({ id: idField, version: versionField });

export type RecipientSearchInput = z.infer<typeof recipientSearchInput>;
export type RecipientBranchInput = z.infer<typeof recipientBranchInput>;
export type DescribeRecipientsInput = z.infer<typeof describeRecipientsInput>;
export type CreateRecipientGroupInput = z.infer<typeof createRecipientGroupInput>;
export type UpdateRecipientGroupInput = z.infer<typeof updateRecipientGroupInput>;
export type DeleteRecipientGroupInput = z.infer<typeof deleteRecipientGroupInput>;
