// "Quên mật khẩu?": a link by e-mail to choose a new password. The token is derived from the
// server's secret and the token row's id (HMAC), so it exists only in the mail being sent: the
// database keeps its SHA-256, and the outbox keeps a placeholder that the drain fills at
// sending time. A link works once, for 30 minutes, and only while it is the person's newest.
import { createHash, createHmac } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResetToken } from "@/db/schema/mail";
import { appUser } from "@/db/schema/users";
import { appendAudit } from "../audit/append";
import { AppError } from "../errors";
import { parseLocale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { composeMail } from "../mail/compose";
import { enqueueMail } from "../mail/enqueue";
import { mailSettings } from "../mail/settings";
import { hashPassword } from "./password";

export const RESET_TOKEN_MINUTES = 30;
/** One mail per person in this many minutes, however often the form is sent. */
export const RESET_RATE_MINUTES = 5;
/** Every request takes at least this long, so an unknown name answers as slowly as a known one. */
const ANSWER_FLOOR_MS = 400;

/** Stands for the link in a queued reset mail until the drain sends it. */
export const RESET_LINK_PLACEHOLDER = "{{password-reset-link}}";
export const RESET_KEY_PREFIX = "password-reset:";

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is needed to make password reset links.");
  return value;
}

/** The token of a reset row: HMAC of its id under the server's secret, URL-safe. */
export const resetTokenOf = (tokenId: string) =>
  createHmac("sha256", secret()).update(`password-reset:${tokenId}`).digest("base64url");

export const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

export const resetLinkOf = (publicUrl: string, tokenId: string) =>
  `${publicUrl}/reset-password?token=${resetTokenOf(tokenId)}`;

/** The queued mail's bodies with the link put in (called by the drain, at sending time). */
export function fillResetLink(
  row: { idempotencyKey: string; textBody: string; htmlBody: string },
  publicUrl: string,
) {
  if (!row.idempotencyKey.startsWith(RESET_KEY_PREFIX)) return row;
  const link = resetLinkOf(publicUrl, row.idempotencyKey.slice(RESET_KEY_PREFIX.length));
  return {
    ...row,
    textBody: row.textBody.replaceAll(RESET_LINK_PLACEHOLDER, link),
    htmlBody: row.htmlBody.replaceAll(RESET_LINK_PLACEHOLDER, link),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks for a reset link for a username or e-mail address. The answer never says whether the
 * account exists, and takes the same time either way: a known, active person with an address
 * gets a mail (at most one per few minutes); anyone else gets nothing.
 */
export async function requestPasswordReset(
  db: Db,
  input: { login: string },
  options: { now?: Date } = {},
): Promise<void> {
  const started = Date.now();
  try {
    await issueResetMail(db, input.login.trim().toLowerCase(), options.now ?? new Date());
  } finally {
    await sleep(Math.max(0, ANSWER_FLOOR_MS - (Date.now() - started)));
  }
}

async function issueResetMail(db: Db, login: string, now: Date): Promise<void> {
  const settings = mailSettings();
  if (!settings || !login) return;
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: appUser.id,
        email: appUser.email,
        fullName: appUser.fullName,
        locale: appUser.locale,
        organisationId: appUser.organisationId,
      })
      .from(appUser)
      .where(
        and(
          eq(appUser.active, true),
          or(eq(sql`lower(${appUser.username})`, login), eq(sql`lower(${appUser.email})`, login)),
        ),
      )
      .limit(1)
      // Two requests at once for one person: the second waits and sees the first's token.
      .for("update");
    if (!user?.email) return;
    const [recent] = await tx
      .select({ id: passwordResetToken.id })
      .from(passwordResetToken)
      .where(
        and(
          eq(passwordResetToken.userId, user.id),
          gt(passwordResetToken.createdAt, new Date(now.getTime() - RESET_RATE_MINUTES * 60_000)),
        ),
      )
      .limit(1);
    if (recent) return;
    const id = crypto.randomUUID();
    await tx.insert(passwordResetToken).values({
      id,
      userId: user.id,
      tokenHash: sha256Hex(resetTokenOf(id)),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
    });
    const locale = parseLocale(user.locale);
    await enqueueMail(tx, [
      {
        idempotencyKey: `${RESET_KEY_PREFIX}${id}`,
        userId: user.id,
        toAddress: user.email,
        kind: "passwordReset",
        ...composeMail({
          subject: translate(locale, "mail.resetSubject"),
          greeting: translate(locale, "mail.greeting", { name: user.fullName }),
          items: [
            {
              text: translate(locale, "mail.resetText", { minutes: RESET_TOKEN_MINUTES }),
              link: RESET_LINK_PLACEHOLDER,
            },
            { text: translate(locale, "mail.resetIgnore") },
          ],
          footer: translate(locale, "mail.footer"),
        }),
      },
    ]);
    await appendAudit(tx, {
      organisationId: user.organisationId,
      actor: null,
      action: "user.passwordResetRequested",
      entityType: "user",
      entityId: user.id,
    });
  });
}

const invalidLink = () => new AppError("VALIDATION", "auth.resetLinkInvalid");

/**
 * Sets a new password from a reset link: the token must be known, unused, unexpired and the
 * person's newest. Every session of theirs ends (the epoch rises), every other link of theirs
 * dies, and the audit chain records it.
 */
export async function completePasswordReset(
  db: Db,
  input: { token: string; newPassword: string },
  options: { now?: Date } = {},
): Promise<{ username: string }> {
  const now = options.now ?? new Date();
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) throw invalidLink();
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [token] = await tx
      .select()
      .from(passwordResetToken)
      .where(eq(passwordResetToken.tokenHash, sha256Hex(input.token)))
      .for("update");
    if (!token || token.usedAt || token.expiresAt <= now) throw invalidLink();
    const [newest] = await tx
      .select({ id: passwordResetToken.id })
      .from(passwordResetToken)
      .where(eq(passwordResetToken.userId, token.userId))
      .orderBy(desc(passwordResetToken.createdAt), desc(passwordResetToken.id))
      .limit(1);
    if (newest?.id !== token.id) throw invalidLink();
    const [user] = await tx
      .update(appUser)
      .set({
        passwordHash,
        mustChangePassword: false,
        failedLogins: 0,
        lockedUntil: null,
        sessionEpoch: sql`${appUser.sessionEpoch} + 1`,
        version: sql`${appUser.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(appUser.id, token.userId), eq(appUser.active, true)))
      .returning({
        username: appUser.username,
        organisationId: appUser.organisationId,
        fullName: appUser.fullName,
      });
    if (!user) throw invalidLink();
    await tx
      .update(passwordResetToken)
      .set({ usedAt: now })
      .where(and(eq(passwordResetToken.userId, token.userId), isNull(passwordResetToken.usedAt)));
    await appendAudit(tx, {
      organisationId: user.organisationId,
      actor: { userId: token.userId, fullName: user.fullName },
      action: "user.passwordResetByMail",
      entityType: "user",
      entityId: token.userId,
    });
    return { username: user.username };
  });
}
