// Sending the mail outbox. Each due message is first claimed in a short transaction of its own
// (status `sending`, FOR UPDATE SKIP LOCKED so concurrent drains take different rows), then sent,
// then marked `sent` at once. What the SMTP server refused or never answered goes back to
// `pending` with backoff; after the last attempt it is `failed`, kept for the administrator.
//
// The one window that cannot be closed is a crash between the server's acceptance and our
// commit of `sent`. Such a row is found still `sending` after its lease and marked `uncertain`,
// never sent again: we prefer a mail possibly lost (a reset link can be asked for again; the
// notification is still in the bell) to one possibly sent twice. The row's key is the
// Message-ID, so were a message ever delivered twice (a relay retrying on its side), the copies
// are recognisable as one by any mail client.
import { createHash } from "node:crypto";
import { and, asc, eq, lt, lte, min, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema/mail";
import { fillResetLink } from "../auth/password-reset";
import { calendarMethodOf } from "../meetings/invitation-mail";
import { mailSettings, type MailSettings } from "./settings";

export type MailRetryPolicy = {
  baseSeconds: number;
  maxSeconds: number;
  maxAttempts: number;
  /** How long a claimed message may take before it counts as interrupted. */
  leaseSeconds: number;
};

export const defaultMailRetry: MailRetryPolicy = {
  baseSeconds: 60,
  maxSeconds: 3600,
  maxAttempts: 10,
  leaseSeconds: 600,
};

/** The wait before attempt `attempts + 1`: doubling from the base, at most an hour. */
export const mailBackoffSeconds = (attempts: number, policy: MailRetryPolicy) =>
  Math.min(policy.baseSeconds * 2 ** Math.max(0, attempts - 1), policy.maxSeconds);

/** The Message-ID of an outbox row: the same for every attempt, derived from its key. */
export function messageIdOf(idempotencyKey: string, settings: MailSettings): string {
  const domain = new URL(settings.publicUrl).hostname || "lienthong.local";
  const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
  return `<${digest}@${domain}>`;
}

export function smtpTransport(settings: MailSettings): Transporter {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
}

type DrainOptions = {
  settings?: MailSettings | null;
  transport?: Transporter;
  policy?: MailRetryPolicy;
  batch?: number;
};

/** Rows left `sending` past their lease: interrupted at an unknown point, not to be resent. */
async function sweepInterrupted(db: Db, policy: MailRetryPolicy): Promise<number> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: "uncertain", lastError: "interrupted while sending" })
    .where(
      and(
        eq(mailOutbox.status, "sending"),
        lt(mailOutbox.claimedAt, sql`now() - make_interval(secs => ${policy.leaseSeconds})`),
      ),
    )
    .returning({ id: mailOutbox.id });
  return rows.length;
}

/** Claims up to `batch` due messages for this drain alone. */
async function claim(db: Db, batch: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({
        status: "sending",
        claimedAt: sql`clock_timestamp()`,
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(
        sql`${mailOutbox.id} in (${sql.join(
          due.map((d) => sql`${d.id}`),
          sql`, `,
        )})`,
      )
      .returning();
  });
}

export type DrainResult = { sent: number; retried: number; failed: number; nextAt: Date | null };

/**
 * Sends what is due, batch after batch, until nothing due is left. Answers what happened and
 * when the next waiting message falls due (for the job to come back then).
 */
export async function drainMail(db: Db, options: DrainOptions = {}): Promise<DrainResult> {
  const settings = options.settings === undefined ? mailSettings() : options.settings;
  const policy = options.policy ?? defaultMailRetry;
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, nextAt: null };
  await sweepInterrupted(db, policy);
  if (!settings) return result;
  const transport = options.transport ?? smtpTransport(settings);
  try {
    for (;;) {
      // One at a time: a crash leaves at most the message being sent in doubt, none merely claimed.
      const rows = await claim(db, options.batch ?? 1);
      if (rows.length === 0) break;
      for (const row of rows) {
        // A reset link is made only now, from the server's secret: the database never holds it.
        const bodies = fillResetLink(row, settings.publicUrl);
        try {
          await transport.sendMail({
            from: settings.from,
            to: row.toAddress,
            subject: row.subject,
            text: bodies.textBody,
            html: bodies.htmlBody,
            messageId: messageIdOf(row.idempotencyKey, settings),
            headers: { "X-Lien-Thong-Kind": row.kind },
            // A text/calendar part the mail program offers to add, and the same as invite.ics.
            ...(row.calendar
              ? {
                  icalEvent: {
                    method: calendarMethodOf(row.calendar) ?? "REQUEST",
                    filename: "invite.ics",
                    content: row.calendar,
                  },
                }
              : {}),
          });
        } catch (error) {
          const reason = String((error as Error)?.message ?? error).slice(0, 500);
          // A 5xx answer is the server's final refusal (an address it will never take).
          const permanent = Number((error as { responseCode?: number }).responseCode) >= 500;
          const last = permanent || row.attempts >= policy.maxAttempts;
          await db
            .update(mailOutbox)
            .set({
              status: last ? "failed" : "pending",
              lastError: reason,
              claimedAt: null,
              nextAttemptAt: sql`now() + make_interval(secs => ${mailBackoffSeconds(row.attempts, policy)})`,
            })
            .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, "sending")));
          if (last) result.failed++;
          else result.retried++;
          continue;
        }
        await db
          .update(mailOutbox)
          .set({ status: "sent", sentAt: sql`now()`, lastError: null })
          .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, "sending")));
        result.sent++;
      }
    }
  } finally {
    if (!options.transport) transport.close();
  }
  const [next] = await db
    .select({ at: min(mailOutbox.nextAttemptAt) })
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "pending"));
  result.nextAt = next?.at ? new Date(next.at) : null;
  return result;
}
