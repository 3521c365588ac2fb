import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The application's settings, validated once: a malformed value stops the start with a message
 * naming the variable. Every setting has a default; DATABASE_URL and AUTH_SECRET are provided by
 * `npm start` when they are not set (embedded database, generated secret).
 */
export const env = createEnv({
  server: {
    DATABASE_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(10),
    AUTH_LOCK_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
    AUTH_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LIEN_THONG_DEMO: z.enum(["0", "1"]).default("1"),
    /** Where document files are kept; unset: `${DATA_DIR}/files`. */
    FILES_DIR: z.string().optional(),
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
    /** Worker threads that read uploaded PDFs, off the request thread; more wait in line. */
    PDF_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
    /** Time allowed to read one PDF; a slower one is refused (files.pdfTooSlow). */
    PDF_INSPECT_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(60),
    /** The address people reach the application at: named in certificates (the CA's CRL) and mail links. */
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    /** The SMTP server mail is sent through; unset, mail is off (nothing is queued). */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** "1": TLS from the first byte (port 465); otherwise STARTTLS when offered. */
    SMTP_SECURE: z.enum(["0", "1", "true", "false"]).optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** The sender of every mail, e.g. "Liên Thông <no-reply@phuong.gov.vn>". */
    MAIL_FROM: z.string().min(3).optional(),
    /** Wrong PINs in a row before a signing key locks, and for how long. */
    PIN_LOCK_THRESHOLD: z.coerce.number().int().min(1).max(20).default(5),
    PIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
  },
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
});
