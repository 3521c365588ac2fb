import type { MantineColor } from "@mantine/core";
import type { Confidentiality, Urgency } from "@/lib/documents";
import { daysBetween, vietnamToday } from "@/lib/dates";
import type { DocumentInfo } from "./document-types";

/** `yyyy-MM-dd` as written in Vietnam: `dd/MM/yyyy`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

export type DeadlineTone = "overdue" | "dueSoon" | "normal";

/** Red once past, orange within three days, for work still open. */
export function deadlineTone(
  deadline: string | null,
  open: boolean,
  today = vietnamToday(),
): DeadlineTone {
  if (!deadline || !open) return "normal";
  const left = daysBetween(today, deadline);
  if (left < 0) return "overdue";
  return left <= 3 ? "dueSoon" : "normal";
}

export const toneColor: Record<DeadlineTone, MantineColor | undefined> = {
  overdue: "red",
  dueSoon: "orange",
  normal: undefined,
};

export const statusColor: Record<DocumentInfo["status"], MantineColor> = {
  received: "gray",
  registered: "blue",
  presented: "violet",
  in_progress: "indigo",
  returned: "orange",
  completed: "green",
  returned_to_sender: "dark",
  recalled: "dark",
  draft: "gray",
  on_route: "violet",
  returned_to_drafter: "orange",
  signed: "indigo",
  issued: "green",
  refused: "red",
};

/** Hỏa tốc in red, Thượng khẩn and Khẩn in orange, strongest first; a normal document shows none. */
export const urgencyStyle: Record<
  Urgency,
  { color: MantineColor; variant: "filled" | "light" } | null
> = {
  normal: null,
  // Filled, so that the theme's automatic contrast writes them in black on yellow and orange.
  urgent: { color: "yellow", variant: "filled" },
  very_urgent: { color: "orange", variant: "filled" },
  flash: { color: "red", variant: "filled" },
};

export const confidentialityColor: Record<Confidentiality, MantineColor | null> = {
  normal: null,
  confidential: "grape",
  secret: "grape",
  top_secret: "grape",
};

const openDocument = new Set<DocumentInfo["status"]>([
  "registered",
  "presented",
  "in_progress",
  "returned",
]);
export const isDocumentOpen = (status: DocumentInfo["status"]) => openDocument.has(status);

/** "1,2 MB" in the user's language. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export const fileUrl = (documentFileId: string, inline = false) =>
  `/api/files/${documentFileId}${inline ? "?inline=1" : ""}`;

/**
 * The PDF of a file as the viewer loads it: its content hash in the address, so that a file
 * whose bytes change (the signed text once sealed) is never shown from what was read before.
 */
export const viewerUrl = (file: { id: string; sha256: string }) =>
  `${fileUrl(file.id, true)}&v=${file.sha256.slice(0, 16)}`;

/** A picture of page 1 of a document's PDF, drawn by the server (app/api/files/[fileId]/preview). */
export const previewUrl = (file: { id: string; sha256: string }) =>
  `/api/files/${file.id}/preview?v=${file.sha256.slice(0, 16)}`;

/** A moment as `dd/MM/yyyy HH:mm` in Vietnam time, whatever the browser's zone. */
export { formatDateTime } from "@/lib/dates";
