import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailPreference } from "@/db/schema/mail";
import { appUser } from "@/db/schema/users";
import type { MailPreferencesInput } from "@/lib/schemas/mail";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { fieldError, stale } from "../errors";
import { mailEnabled } from "./settings";

/** The actor's own e-mail address and choice; version 0 until they first save it. */
export async function getMailPreferences(db: Db, actor: Actor) {
  const [row] = await db
    .select({
      email: appUser.email,
      mode: sql<"immediate" | "digest" | "never">`coalesce(${mailPreference.mode}, 'digest')`,
      version: sql<number>`coalesce(${mailPreference.version}, 0)`,
    })
    .from(appUser)
    .leftJoin(mailPreference, eq(mailPreference.userId, appUser.id))
    .where(eq(appUser.id, actor.userId));
  return { ...row!, mailEnabled: mailEnabled() };
}

/**
 * Saves the actor's address and choice. An address another account already uses is refused on
 * its field; a stale version (changed in another tab) is refused as such.
 */
export async function updateMailPreferences(db: Db, actor: Actor, input: MailPreferencesInput) {
  try {
    return await savePreferences(db, actor, input);
  } catch (error) {
    // Two people claiming one address at the same moment: the unique index decides.
    const e = error as { code?: string; cause?: { code?: string } };
    if (e.code === "23505" || e.cause?.code === "23505")
      throw fieldError({ email: "mail.emailTaken" });
    throw error;
  }
}

function savePreferences(db: Db, actor: Actor, input: MailPreferencesInput) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(mailPreference)
      .where(eq(mailPreference.userId, actor.userId))
      .for("update");
    if ((current?.version ?? 0) !== input.version) throw stale();
    if (input.email) {
      const [taken] = await tx
        .select({ id: appUser.id })
        .from(appUser)
        .where(
          and(
            eq(sql`lower(${appUser.email})`, input.email.toLowerCase()),
            ne(appUser.id, actor.userId),
          ),
        );
      if (taken) throw fieldError({ email: "mail.emailTaken" });
    }
    const [before] = await tx
      .select({ email: appUser.email })
      .from(appUser)
      .where(eq(appUser.id, actor.userId))
      .for("update");
    await tx
      .update(appUser)
      .set({ email: input.email, updatedAt: new Date() })
      .where(eq(appUser.id, actor.userId));
    const [saved] = await tx
      .insert(mailPreference)
      .values({ userId: actor.userId, mode: input.mode })
      .onConflictDoUpdate({
        target: mailPreference.userId,
        set: {
          mode: input.mode,
          version: sql`${mailPreference.version} + 1`,
          updatedAt: new Date(),
        },
      })
      .returning({ version: mailPreference.version });
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: "user.mailSettingsChanged",
      entityType: "user",
      entityId: actor.userId,
      data: {
        mode: input.mode,
        ...(before?.email !== input.email ? { emailChanged: true } : {}),
      },
    });
    return { mode: input.mode, email: input.email, version: saved!.version };
  });
}
