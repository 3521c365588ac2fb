import { z } from "zod";

/** How the application sends e-mail; null when no SMTP server is configured (mail is off). */
export type MailSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** Where the links in a mail point. */
  publicUrl: string;
};

const schema = z.object({
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(["0", "1", "true", "false"]).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  PUBLIC_URL: z.url().optional(),
});

/**
 * The settings as they are now. Read from the environment at each use rather than once at
 * import (server/env.ts validates the same variables at start-up), so a job started before a
 * test's SMTP server, or a restart with new settings, sees the current values. With SMTP_HOST
 * unset, mail is off: nothing is queued, and the "forgotten password" link is not offered.
 */
export function mailSettings(source: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const e = schema.parse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!e.SMTP_HOST) return null;
  const secure = e.SMTP_SECURE === "1" || e.SMTP_SECURE === "true";
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    user: e.SMTP_USER ?? null,
    password: e.SMTP_PASSWORD ?? null,
    from: e.MAIL_FROM ?? `Liên Thông <no-reply@${e.SMTP_HOST}>`,
    publicUrl: (e.PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
  };
}

export const mailEnabled = (source: NodeJS.ProcessEnv = process.env) =>
  mailSettings(source) !== null;
