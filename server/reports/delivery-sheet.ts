// "Tình hình gửi nhận": a sent document's recipients with where each has got and when, printed
// or exported to file with the document or report to the leader. The rows are the sender's
// table (deliveriesOf), read with the same checks.
import { formatDateTime } from "@/lib/dates";
import { isRegistered } from "@/lib/delivery";
import { formatNumberNotation, type DocumentType } from "@/lib/documents";
import type { Db } from "@/db/client";
import type { Actor } from "../authz/actor";
import { deliveriesOf, type DeliveryRow } from "../delivery/status";
import { loadVisibleDocument } from "../incoming/visibility";
import { formatDay, type Column, type Translate } from "./book-columns";

export type DeliverySheetRow = DeliveryRow & { index: number };

export type DeliverySheet = {
  numberNotation: string;
  documentType: DocumentType;
  subject: string;
  documentDate: string | null;
  rows: DeliverySheetRow[];
};

/** The sent document the actor sees, with its recipients in the order of its page. */
export async function deliverySheet(
  db: Db,
  actor: Actor,
  documentId: string,
): Promise<DeliverySheet> {
  const rows = await deliveriesOf(db, actor, documentId);
  const doc = await loadVisibleDocument(db, actor, documentId);
  return {
    numberNotation: formatNumberNotation(doc.codeNumber, doc.codeNotation),
    documentType: doc.documentType,
    subject: doc.subject,
    documentDate: doc.documentDate,
    rows: rows.map((row, i) => ({ ...row, index: i + 1 })),
  };
}

/** When the recipient reported a step of the latest sending, in Vietnam time. */
function reportedAt(row: DeliveryRow, code: string): string | null {
  const event = row.events.filter((e) => e.round === row.round).find((e) => e.code === code);
  return event ? formatDateTime(event.at) : null;
}

function statusText(t: Translate, row: DeliveryRow): string {
  const lines = [t(`deliveries.statusName.${row.status}`)];
  if (row.late) lines.push(t("deliveries.late"));
  if (row.recall) lines.push(t(`deliveries.recallState.${row.recall.state}`));
  return lines.join("\n");
}

function recipientText(t: Translate, row: DeliveryRow): string {
  const lines = [row.recipientName];
  if (row.addressedName) lines.push(t("deliveries.addressedMerged", { name: row.addressedName }));
  if (row.outside) lines.push(t("deliveries.outside"));
  return lines.join("\n");
}

function notesText(t: Translate, row: DeliveryRow): string | null {
  const lines: string[] = [];
  if (row.reason) lines.push(row.reason);
  if (row.recall?.reason) lines.push(row.recall.reason);
  if (row.round > 1) lines.push(t("deliveries.round", { round: row.round }));
  return lines.length > 0 ? lines.join("\n") : null;
}

export function deliverySheetColumns(t: Translate): Column<DeliverySheetRow>[] {
  const h = (key: string) => t(`reports.deliveryColumns.${key}`);
  return [
    { header: h("index"), pdfWidth: 28, xlsxWidth: 6, align: "center", value: (r) => r.index },
    { header: h("recipient"), pdfWidth: "*", xlsxWidth: 40, value: (r) => recipientText(t, r) },
    { header: h("status"), pdfWidth: 100, xlsxWidth: 28, value: (r) => statusText(t, r) },
    {
      header: h("arrived"),
      pdfWidth: 72,
      xlsxWidth: 17,
      align: "center",
      value: (r) => reportedAt(r, "01"),
    },
    {
      header: h("registered"),
      pdfWidth: 72,
      xlsxWidth: 17,
      align: "center",
      value: (r) => reportedAt(r, "03"),
    },
    {
      header: h("completed"),
      pdfWidth: 72,
      xlsxWidth: 17,
      align: "center",
      value: (r) => reportedAt(r, "06"),
    },
    {
      header: h("reply"),
      pdfWidth: 60,
      xlsxWidth: 16,
      align: "center",
      value: (r) => r.reply?.numberNotation || null,
    },
    { header: h("notes"), pdfWidth: 115, xlsxWidth: 36, value: (r) => notesText(t, r) },
  ];
}

/**
 * The lines under the heading: which document, and how far its recipients have got, counted as
 * the list of documents sent counts it (those that took it back at the sender's request left out).
 */
export function deliverySheetLines(t: Translate, sheet: DeliverySheet): string[] {
  const held = sheet.rows.filter((r) => r.status !== "recalled");
  const registered = held.filter((r) => isRegistered(r.status)).length;
  const title = `${t(`documentTypes.${sheet.documentType}`)} ${sheet.numberNotation}`.trim();
  return [
    sheet.documentDate
      ? t("reports.deliveryDocumentOn", { document: title, date: formatDay(sheet.documentDate) })
      : title,
    sheet.subject,
    t("reports.deliveryProgress", { registered, total: held.length }),
  ];
}
