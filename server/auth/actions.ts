"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { getLocale } from "next-intl/server";
import { eq, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appUser } from "@/db/schema/users";
import { changePasswordInput } from "@/lib/schemas/account";
import { zodFieldErrors } from "../zod-errors";
import { AppError, type FieldError } from "../errors";
import { LOCALE_COOKIE, parseLocale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { changeOwnPassword } from "./account";
import { loadActor } from "../authz/actor";
import { currentSession, signIn, signOut } from "./auth";

export type SignInState = { error: null | "invalid" | "inactive" | { locked: string } };

export async function signInAction(
  login: string,
  password: string,
  redirectTo: string,
): Promise<SignInState> {
  const target = redirectTo.startsWith("/") && !redirectTo.startsWith("//") ? redirectTo : "/";
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error.code ?? "invalid";
      if (code.startsWith("locked:")) return { error: { locked: code.slice("locked:".length) } };
      return { error: code === "inactive" ? "inactive" : "invalid" };
    }
    throw error;
  }
  // The language follows the person, not the browser: a phone borrowed or a new computer speaks
  // the language they chose.
  const [user] = await getDb()
    .select({ locale: appUser.locale })
    .from(appUser)
    .where(
      or(
        eq(sql`lower(${appUser.username})`, login.trim().toLowerCase()),
        eq(sql`lower(${appUser.email})`, login.trim().toLowerCase()),
      ),
    )
    .limit(1);
  if (user?.locale) await writeLocaleCookie(user.locale);
  redirect(target);
}

async function writeLocaleCookie(locale: string) {
  (await cookies()).set(LOCALE_COOKIE, parseLocale(locale), {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Switches the interface language, and keeps the choice with the signed-in person. */
export async function setLocaleAction(locale: string): Promise<void> {
  const chosen = parseLocale(locale);
  await writeLocaleCookie(chosen);
  const session = await currentSession();
  if (session) {
    await getDb().update(appUser).set({ locale: chosen }).where(eq(appUser.id, session.userId));
  }
}

export type ChangePasswordState =
  { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

/**
 * Changes the user's own password, which ends every session of theirs, then signs this
 * browser in again with the new password so the person at the keyboard stays signed in.
 */
export async function changePasswordAction(input: unknown): Promise<ChangePasswordState> {
  const locale = parseLocale(await getLocale());
  const fail = (
    message: string,
    errors: Record<string, FieldError[]> = {},
  ): ChangePasswordState => ({
    ok: false,
    message: translate(locale, message),
    fieldErrors: Object.fromEntries(
      Object.entries(errors).map(([f, errs]) => [
        f,
        translate(locale, errs[0]!.key, errs[0]!.params),
      ]),
    ),
  });
  // A change reads its actor from the database, never from memory.
  const session = await currentSession();
  const actor = session ? await loadActor(getDb(), session) : null;
  if (!actor) return fail("errors.unauthorized");
  const parsed = changePasswordInput.safeParse(input);
  if (!parsed.success) return fail("errors.validation", zodFieldErrors(parsed.error));
  try {
    await changeOwnPassword(getDb(), actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return fail(error.messageKey, error.fieldErrors);
    throw error;
  }
  await signIn("credentials", {
    login: actor.username,
    password: parsed.data.newPassword,
    redirect: false,
  });
  return { ok: true };
}
