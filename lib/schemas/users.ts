import { z } from "zod";
import { roles } from "@/lib/permissions";
import { newPasswordSchema } from "./account";
import { idField, int32Field, optionalText, requiredText, textField, versionField } from "./fields";
import { organisationIdField } from "./units";

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
export const USER_PAGE_SIZE_MAX = 100;

// Usernames are stored lower-cased: sign-in and the unique index compare them that way.
const usernameField = textField({ min: 1, max: 40 })
  .transform((v) => v.toLowerCase())
  .refine((v) => USERNAME_PATTERN.test(v), { message: "users.usernameFormat" });

// Forms send "" for an empty e-mail; the database keeps null so the unique index ignores it.
const emailField = optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
  message: "validation.email",
});

// Deployment admin is in the list so that a deployment admin can grant it; the service refuses it to anyone else.
const rolesField = z
  .array(z.enum(roles))
  .min(1)
  .max(roles.length)
  .transform((rs) => [...new Set(rs)]);

const profileFields = {
  fullName: requiredText(255),
  email: emailField,
  jobTitle: textField({ max: 255 }).default(""),
  unitId: idField.nullish().transform((v) => v ?? null),
  roles: rolesField,
};

export const userStatusFilter = z.enum(["all", "active", "inactive"]);
export type UserStatusFilter = z.infer<typeof userStatusFilter>;

/** Keyset position: the last row of the previous page in (full name, id) order. */
export const userCursor = z.object({ fullName: textField({ max: 255, trim: false }), id: idField });
export type UserCursor = z.infer<typeof userCursor>;

export const listUsersInput = z.object({
  organisationId: organisationIdField,
  query: textField({ max: 100 }).optional(),
  /** A unit id, or "none" for people outside any unit (leaders, usually). */
  unitId: z.union([idField, z.literal("none")]).nullish(),
  status: userStatusFilter.default("all"),
  limit: int32Field({ min: 1, max: USER_PAGE_SIZE_MAX }).default(50),
  cursor: userCursor.nullish(),
});

export const getUserInput = z.object({ organisationId: organisationIdField, id: z.uuid() });

export const createUserInput = z.object({
  organisationId: organisationIdField,
  username: usernameField,
  ...profileFields,
  password: newPasswordSchema,
});

export const updateUserInput = z.object({
  organisationId: organisationIdField,
  id: idField,
  version: versionField,
  ...profileFields,
});

export const setUserActiveInput = z.object({
  organisationId: organisationIdField,
  id: idField,
  version: versionField,
  active: z.boolean(),
});

export const resetPasswordInput = z.object({
  organisationId: organisationIdField,
  id: idField,
  password: newPasswordSchema,
});

export type ListUsersInput = z.infer<typeof listUsersInput>;
export type GetUserInput = z.infer<typeof getUserInput>;
export type CreateUserInput = z.infer<typeof createUserInput>;
export type UpdateUserInput = z.infer<typeof updateUserInput>;
export type SetUserActiveInput = z.infer<typeof setUserActiveInput>;
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
