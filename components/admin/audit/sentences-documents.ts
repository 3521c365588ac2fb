// Audit sentences of documents: incoming and outgoing, their routes and recipient groups.
import type { AuditAction } from "@/lib/audit-actions";
import {
  count,
  MAX_VALUE,
  obj,
  onBehalf,
  shorten,
  simple,
  str,
  yes,
  type Builder,
  type Helpers,
  type SentenceEvent,
  type Values,
} from "./sentence-kit";

/** Directions name the lead, the co-handlers and the deadline. */
function direction(e: SentenceEvent, h: Helpers): Values {
  const lead = obj(e.data.lead);
  const co = (Array.isArray(e.data.co) ? e.data.co : [])
    .map((c) => str(obj(c).name))
    .filter(Boolean);
  const deadline = h.day(lead.deadline);
  return {
    lead: str(lead.name) ?? "",
    hasLead: yes(Boolean(str(lead.name))),
    deadline: deadline ?? "",
    hasDeadline: yes(Boolean(deadline)),
    co: co.join(", "),
    hasCo: yes(co.length > 0),
  };
}

export const documentSentences = {
  "incoming.registered": (e) => {
    const n = typeof e.data.registryNumber === "number" ? e.data.registryNumber : e.record?.number;
    return {
      key: "incoming.registered",
      values: { number: n ?? "", hasNumber: yes(typeof n === "number") },
    };
  },
  "incoming.presented": (e) => ({
    key: "incoming.presented",
    values: { leader: str(e.data.leader) ?? "", hasLeader: yes(Boolean(str(e.data.leader))) },
  }),
  "incoming.directed": (e, h) => ({ key: "incoming.directed", values: direction(e, h) }),
  "incoming.redirected": (e, h) => ({ key: "incoming.redirected", values: direction(e, h) }),
  "incoming.assignedToSpecialist": (e, h) => {
    const deadline = h.day(e.data.deadline);
    return {
      key: "incoming.assignedToSpecialist",
      values: {
        specialist: str(e.data.specialist) ?? "",
        hasSpecialist: yes(Boolean(str(e.data.specialist))),
        deadline: deadline ?? "",
        hasDeadline: yes(Boolean(deadline)),
      },
    };
  },
  "incoming.noted": simple("incoming.noted"),
  "incoming.extensionRequested": (e, h) => {
    // Before statuses had keys of their own, `from` and `to` held statuses, not days.
    const from = h.day(e.data.from);
    const to = h.day(e.data.to);
    return {
      key: "incoming.extensionRequested",
      values: { from: from ?? "", to: to ?? "", hasDates: yes(Boolean(from && to)) },
    };
  },
  "incoming.extensionApproved": (e, h) => {
    const granted = h.day(e.data.granted);
    return {
      key: "incoming.extensionApproved",
      values: { granted: granted ?? "", hasGranted: yes(Boolean(granted)) },
    };
  },
  "incoming.extensionRefused": simple("incoming.extensionRefused"),
  "incoming.partCompleted": (e) => ({
    key: "incoming.partCompleted",
    values: { role: String(e.data.role ?? ""), late: yes(e.data.late === true) },
  }),
  "incoming.completed": (e) => ({
    key: "incoming.completed",
    values: { late: yes(e.data.late === true) },
  }),
  "incoming.partReturned": (e) => ({
    key: "incoming.partReturned",
    values: { to: e.data.to === "unit_head" || e.data.to === "leader" ? e.data.to : "none" },
  }),
  "incoming.returned": simple("incoming.returned"),
  "incoming.returnedToSender": (e) => ({
    key: "incoming.returnedToSender",
    values: { issuer: str(e.data.issuer) ?? "", hasIssuer: yes(Boolean(str(e.data.issuer))) },
  }),
  "incoming.read": simple("incoming.read"),
  "incoming.recallAccepted": simple("incoming.recallAccepted"),
  "incoming.recallRefused": simple("incoming.recallRefused"),
  "outgoing.recallRequested": simple("outgoing.recallRequested"),
  "incoming.arrived": (e) => ({
    key: "incoming.arrived",
    values: { issuer: str(e.data.issuer) ?? "" },
  }),
  "incoming.resultSubmitted": (e) => ({
    key: "incoming.resultSubmitted",
    values: { role: String(e.data.role ?? ""), late: yes(e.data.late === true) },
  }),
  "incoming.resultAccepted": (e) => ({
    key: "incoming.resultAccepted",
    values: { role: String(e.data.role ?? ""), onBehalf: onBehalf(e) },
  }),
  "incoming.resultSentBack": (e) => ({
    key: "incoming.resultSentBack",
    values: { role: String(e.data.role ?? ""), onBehalf: onBehalf(e) },
  }),
  "incoming.directionWithdrawn": (e) => ({
    key: "incoming.directionWithdrawn",
    values: { onBehalf: onBehalf(e) },
  }),
  "incoming.forwarded": (e) => ({
    key: "incoming.forwarded",
    values: { to: Array.isArray(e.data.to) ? (e.data.to as string[]).join(", ") : "" },
  }),
  "outgoing.drafted": simple("outgoing.drafted"),
  "outgoing.draftSaved": (e) => ({
    key: "outgoing.draftSaved",
    values: {
      version: String(e.data.version ?? ""),
      restarted: yes(e.data.restarted !== undefined),
    },
  }),
  "outgoing.sentOnRoute": simple("outgoing.sentOnRoute"),
  "outgoing.reviewMarked": simple("outgoing.reviewMarked"),
  "outgoing.formatChecked": simple("outgoing.formatChecked"),
  "outgoing.returnedToDrafter": simple("outgoing.returnedToDrafter"),
  "outgoing.returnedToStep": (e) => ({
    key: "outgoing.returnedToStep",
    values: { step: String(e.data.step ?? "") },
  }),
  "outgoing.draftRefused": simple("outgoing.draftRefused"),
  "outgoing.draftCommented": simple("outgoing.draftCommented"),
  "outgoing.signatureRequested": simple("outgoing.signatureRequested"),
  "outgoing.signed": simple("outgoing.signed"),
  "outgoing.issued": (e) => ({
    key: "outgoing.issued",
    values: { number: str(e.data.number) ?? "", hasNumber: yes(Boolean(str(e.data.number))) },
  }),
  "routeTemplate.created": (e, h) => ({
    key: "routeTemplate.created",
    values: { steps: h.steps(e.data.steps), hasSteps: yes(count(e.data.steps) > 0) },
  }),
  "routeTemplate.updated": (e, h) => {
    const name = obj(obj(e.data.changes).name);
    const from = str(name.from);
    return {
      key: "routeTemplate.updated",
      values: {
        from: from ? shorten(from, MAX_VALUE) : "",
        renamed: yes(Boolean(from)),
        steps: h.steps(e.data.steps),
        hasSteps: yes(count(e.data.steps) > 0),
      },
    };
  },
  "routeTemplate.deactivated": simple("routeTemplate.deactivated"),
  "recipientGroup.created": (e) => ({
    key: "recipientGroup.created",
    values: { members: count(e.data.members) },
  }),
  "recipientGroup.updated": (e) => {
    const from = str(obj(obj(e.data.changes).name).from);
    const names = (v: unknown) =>
      shorten((Array.isArray(v) ? v : []).filter((n) => str(n)).join(", "), MAX_VALUE);
    return {
      key: "recipientGroup.updated",
      values: {
        from: from ? shorten(from, MAX_VALUE) : "",
        renamed: yes(Boolean(from)),
        added: names(e.data.added),
        hasAdded: yes(count(e.data.added) > 0),
        removed: names(e.data.removed),
        hasRemoved: yes(count(e.data.removed) > 0),
      },
    };
  },
  "recipientGroup.deleted": simple("recipientGroup.deleted"),
} satisfies Partial<Record<AuditAction, Builder>>;
