// Audit sentences of work and time: tasks, meetings and rooms, notices, calendars, the schedule.
import type { AuditAction } from "@/lib/audit-actions";
import {
  count,
  MAX_VALUE,
  obj,
  optional,
  shorten,
  simple,
  str,
  yes,
  type Builder,
  type Helpers,
  type SentenceEvent,
} from "./sentence-kit";

/**
 * A task's edit as its parts: each field from its old to its new value (days as dd/MM/yyyy,
 * priorities in words), the description edited, people and documents added or removed.
 */
function taskEditChanges(e: SentenceEvent, h: Helpers): string[] {
  const t = h.t;
  const out: string[] = [];
  const shown = (field: string, v: unknown) => {
    if (field === "startDate" || field === "deadline") return h.day(v) ?? t("audit.values.empty");
    if (field === "priority") return h.tr(`tasksUi.priority.${String(v)}`, String(v));
    return str(v) ? shorten(v as string, MAX_VALUE) : t("audit.values.empty");
  };
  for (const [field, c] of Object.entries(obj(e.data.changes))) {
    if (!["title", "startDate", "deadline", "priority"].includes(field)) continue;
    out.push(
      t("audit.change", {
        field: t(`audit.taskEdit.${field}`),
        from: shown(field, obj(c).from),
        to: shown(field, obj(c).to),
      }),
    );
  }
  if (e.data.description === true) out.push(t("audit.taskEdit.description"));
  for (const side of ["added", "removed"] as const) {
    for (const [what, names] of Object.entries(obj(e.data[side]))) {
      if (!["co", "watchers", "documents"].includes(what)) continue;
      const list = (Array.isArray(names) ? names : []).filter((n) => str(n));
      if (list.length === 0) continue;
      out.push(
        t(`audit.taskEdit.${side}`, {
          what: t(`audit.taskEdit.${what}`),
          names: shorten(list.join(", "), MAX_VALUE),
        }),
      );
    }
  }
  return out;
}

export const workSentences = {
  "meeting.created": simple("meeting.created"),
  "meeting.updated": simple("meeting.updated"),
  "meeting.cancelled": simple("meeting.cancelled"),
  "meeting.occurrenceCancelled": simple("meeting.occurrenceCancelled"),
  "meeting.occurrenceMoved": simple("meeting.occurrenceMoved"),
  "meeting.accepted": simple("meeting.accepted"),
  "meeting.declined": simple("meeting.declined"),
  "room.created": simple("room.created"),
  "room.updated": simple("room.updated"),
  "room.reserved": simple("room.reserved"),
  "room.reservationCancelled": simple("room.reservationCancelled"),
  "task.created": simple("task.created"),
  "task.createdFromDirection": simple("task.createdFromDirection"),
  "task.started": simple("task.started"),
  "task.handedOver": (e) => ({ key: "task.handedOver", values: { lead: str(e.data.lead) ?? "" } }),
  "task.progressReported": (e) => ({
    key: "task.progressReported",
    values: { percent: typeof e.data.percent === "number" ? e.data.percent : 0 },
  }),
  "task.reportApproved": (e) => ({
    key: "task.reportApproved",
    values: { percent: typeof e.data.percent === "number" ? e.data.percent : 0 },
  }),
  "task.reportReturned": simple("task.reportReturned"),
  "task.extensionRequested": (e, h) => ({
    key: "task.extensionRequested",
    values: { to: h.day(e.data.to) ?? "" },
  }),
  "task.extensionApproved": (e, h) => ({
    key: "task.extensionApproved",
    values: { to: h.day(e.data.to) ?? "" },
  }),
  "task.extensionRefused": simple("task.extensionRefused"),
  "task.extended": (e, h) => ({ key: "task.extended", values: { to: h.day(e.data.to) ?? "" } }),
  "task.completed": simple("task.completed"),
  "task.cancelled": simple("task.cancelled"),
  "task.reopened": simple("task.reopened"),
  "task.commented": simple("task.commented"),
  "task.edited": (e, h) => {
    const changes = taskEditChanges(e, h);
    return {
      key: "task.edited",
      values: { changes: changes.join("; "), hasChanges: yes(changes.length > 0) },
    };
  },
  "task.filesAdded": (e) => {
    const files = (Array.isArray(e.data.files) ? e.data.files : []).filter((f) => str(f));
    return {
      key: "task.filesAdded",
      values: {
        count: files.length,
        files: shorten(files.join(", "), MAX_VALUE),
        hasFiles: yes(files.length > 0),
      },
    };
  },
  "task.fileRemoved": (e) => ({
    key: "task.fileRemoved",
    values: optional("file", e.data.fileName),
  }),
  "notice.drafted": simple("notice.drafted"),
  "notice.draftSaved": simple("notice.draftSaved"),
  "notice.published": (e) => ({
    key: "notice.published",
    values: { recipients: count(e.data.recipients) },
  }),
  "notice.withdrawn": simple("notice.withdrawn"),
  "notice.confirmed": simple("notice.confirmed"),
  "notice.reminded": (e) => ({
    key: "notice.reminded",
    values: { reminded: count(e.data.reminded) },
  }),
  "calendar.feedCreated": (e) => ({
    key: "calendar.feedCreated",
    values: { schedule: yes(e.data.scope === "schedule") },
  }),
  "calendar.feedRenewed": (e) => ({
    key: "calendar.feedRenewed",
    values: { schedule: yes(e.data.scope === "schedule") },
  }),
  "calendar.feedRevoked": (e) => ({
    key: "calendar.feedRevoked",
    values: { schedule: yes(e.data.scope === "schedule") },
  }),
  "schedule.created": simple("schedule.created"),
  "schedule.entryAdded": (e) => ({
    key: "schedule.entryAdded",
    values: {
      content: shorten(str(e.data.content) ?? "", MAX_VALUE),
      after: yes(e.data.afterPublication === true),
    },
  }),
  "schedule.entryEdited": (e) => ({
    key: "schedule.entryEdited",
    values: {
      content: shorten(str(e.data.content) ?? "", MAX_VALUE),
      after: yes(e.data.afterPublication === true),
    },
  }),
  "schedule.entryRemoved": (e) => ({
    key: "schedule.entryRemoved",
    values: { content: shorten(str(e.data.content) ?? "", MAX_VALUE) },
  }),
  "schedule.entryCancelled": (e) => ({
    key: "schedule.entryCancelled",
    values: { content: shorten(str(e.data.content) ?? "", MAX_VALUE) },
  }),
  "schedule.copiedPreviousWeek": (e) => ({
    key: "schedule.copiedPreviousWeek",
    values: { entries: count(e.data.entries) },
  }),
  "schedule.submitted": simple("schedule.submitted"),
  "schedule.published": simple("schedule.published"),
  "schedule.returned": (e) => ({
    key: "schedule.returned",
    values: { reason: shorten(str(e.data.reason) ?? "", MAX_VALUE) },
  }),
} satisfies Partial<Record<AuditAction, Builder>>;
