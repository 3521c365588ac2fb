import { z } from "zod";
import { daysBetween } from "@/lib/dates";
import { dayField, idField, int32Field, textField } from "./fields";

/** A printed book covers at most a year and a day, so one file stays printable and bounded. */
export const MAX_REPORT_DAYS = 366;

const day = dayField;

const dateRange = z.object({ from: day, to: day }).superRefine((v, ctx) => {
  // An unreadable date has its own error already; the range is judged only between two days.
  if (!day.safeParse(v.from).success || !day.safeParse(v.to).success) return;
  if (v.from > v.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.rangeOrder" });
  } else if (daysBetween(v.from, v.to) + 1 > MAX_REPORT_DAYS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.rangeTooLong" });
  }
});

/** Keyset position in a registry book: the last row's period and arrival number. */
export const bookCursor = z.object({
  period: textField({ min: 1, max: 20, trim: false }),
  number: int32Field({ min: 1 }),
});

export const registryBookInput = z
  .object({
    registryId: idField.nullish(),
    cursor: bookCursor.nullish(),
    limit: int32Field({ min: 1, max: 500 }).default(100),
  })
  .and(dateRange);

export const handlingReportInput = dateRange;

export const reportFormats = ["pdf", "xlsx"] as const;

/** The query string of a report download: `?from=…&to=…&registryId=…&format=pdf|xlsx`. */
export const reportDownloadQuery = z
  .object({
    registryId: idField.nullish(),
    format: z.enum(reportFormats).default("pdf"),
  })
  .and(dateRange);

export type BookCursor = z.infer<typeof bookCursor>;
export type RegistryBookInput = z.input<typeof registryBookInput>;
export type HandlingReportInput = z.infer<typeof handlingReportInput>;
export type ReportFormat = (typeof reportFormats)[number];
export type ReportDownloadQuery = z.infer<typeof reportDownloadQuery>;

/** The query string of a sent document's recipients sheet: `?documentId=…&format=pdf|xlsx`. */
export const deliverySheetQuery = z.object({
  documentId: idField,
  format: z.enum(reportFormats).default("pdf"),
});
