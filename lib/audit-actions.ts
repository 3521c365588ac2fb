// The actions written to the audit chain today, with the kind of record each one is about. Read
// by the list's filters (server and page) and by the sentences the log is shown in; an action
// missing here is still listed, in a generic sentence, but cannot be picked as a filter.

export const auditEntityTypes = [
  "meeting",
  "room",
  "document",
  "user",
  "unit",
  "registry",
  "routeTemplate",
  "recipientGroup",
  "organisation",
  "certificate",
  "trustAnchor",
  "exchangePeer",
  "scheduleSheet",
  "notice",
  "task",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditActions = {
  "incoming.registered": "document",
  "incoming.presented": "document",
  "incoming.directed": "document",
  "incoming.redirected": "document",
  "incoming.assignedToSpecialist": "document",
  "incoming.noted": "document",
  "incoming.extensionRequested": "document",
  "incoming.extensionApproved": "document",
  "incoming.extensionRefused": "document",
  "incoming.partCompleted": "document",
  "incoming.completed": "document",
  "incoming.partReturned": "document",
  "incoming.returned": "document",
  "incoming.returnedToSender": "document",
  "incoming.arrived": "document",
  "incoming.recallAccepted": "document",
  "incoming.recallRefused": "document",
  "incoming.read": "document",
  "incoming.resultSubmitted": "document",
  "incoming.resultAccepted": "document",
  "incoming.resultSentBack": "document",
  "incoming.directionWithdrawn": "document",
  "incoming.forwarded": "document",
  "outgoing.drafted": "document",
  "outgoing.draftSaved": "document",
  "outgoing.sentOnRoute": "document",
  "outgoing.reviewMarked": "document",
  "outgoing.formatChecked": "document",
  "outgoing.returnedToDrafter": "document",
  "outgoing.returnedToStep": "document",
  "outgoing.draftRefused": "document",
  "outgoing.draftCommented": "document",
  "outgoing.signatureRequested": "document",
  "outgoing.signed": "document",
  "outgoing.issued": "document",
  "outgoing.recallRequested": "document",
  "user.created": "user",
  "user.updated": "user",
  "user.reactivated": "user",
  "user.deactivated": "user",
  "user.passwordReset": "user",
  "user.passwordChanged": "user",
  "user.passwordResetRequested": "user",
  "user.passwordResetByMail": "user",
  "user.mailSettingsChanged": "user",
  "unit.created": "unit",
  "unit.updated": "unit",
  "unit.reactivated": "unit",
  "unit.deactivated": "unit",
  "registry.created": "registry",
  "registry.updated": "registry",
  "registry.defaultChosen": "registry",
  "routeTemplate.created": "routeTemplate",
  "routeTemplate.updated": "routeTemplate",
  "routeTemplate.deactivated": "routeTemplate",
  "recipientGroup.created": "recipientGroup",
  "recipientGroup.updated": "recipientGroup",
  "recipientGroup.deleted": "recipientGroup",
  "organisation.created": "organisation",
  "organisation.updated": "organisation",
  "organisation.moved": "organisation",
  "organisation.closed": "organisation",
  "organisation.merged": "organisation",
  "organisation.absorbed": "organisation",
  "signing.certificateIssued": "certificate",
  "signing.certificateRenewed": "certificate",
  "signing.certificateRevoked": "certificate",
  "signing.certificateImported": "certificate",
  "signing.trustAnchorApproved": "trustAnchor",
  "signing.trustAnchorRefused": "trustAnchor",
  "signing.signatureImageSet": "user",
  "signing.sealImageSet": "organisation",
  "exchange.peerAdded": "exchangePeer",
  "exchange.peerChanged": "exchangePeer",
  "exchange.retried": "exchangePeer",
  "notice.drafted": "notice",
  "notice.draftSaved": "notice",
  "notice.published": "notice",
  "notice.withdrawn": "notice",
  "notice.confirmed": "notice",
  "notice.reminded": "notice",
  "calendar.feedCreated": "user",
  "calendar.feedRenewed": "user",
  "calendar.feedRevoked": "user",
  "schedule.created": "scheduleSheet",
  "schedule.entryAdded": "scheduleSheet",
  "schedule.entryEdited": "scheduleSheet",
  "schedule.entryRemoved": "scheduleSheet",
  "schedule.entryCancelled": "scheduleSheet",
  "schedule.copiedPreviousWeek": "scheduleSheet",
  "schedule.submitted": "scheduleSheet",
  "schedule.published": "scheduleSheet",
  "schedule.returned": "scheduleSheet",
  "task.created": "task",
  "task.createdFromDirection": "task",
  "task.started": "task",
  "task.handedOver": "task",
  "task.progressReported": "task",
  "task.reportApproved": "task",
  "task.reportReturned": "task",
  "task.extensionRequested": "task",
  "task.extensionApproved": "task",
  "task.extensionRefused": "task",
  "task.extended": "task",
  "task.completed": "task",
  "task.cancelled": "task",
  "task.reopened": "task",
  "task.commented": "task",
  "task.edited": "task",
  "task.filesAdded": "task",
  "task.fileRemoved": "task",
  "meeting.created": "meeting",
  "meeting.updated": "meeting",
  "meeting.cancelled": "meeting",
  "meeting.occurrenceCancelled": "meeting",
  "meeting.occurrenceMoved": "meeting",
  "meeting.accepted": "meeting",
  "meeting.declined": "meeting",
  "room.created": "room",
  "room.updated": "room",
  "room.reserved": "room",
  "room.reservationCancelled": "room",
  "demo.seeded": "organisation",
} as const satisfies Record<string, AuditEntityType>;

export type AuditAction = keyof typeof auditActions;
export const auditActionNames = Object.keys(auditActions) as AuditAction[];

/** An action's group is the part before the dot: "user.updated" belongs to "user". */
export const auditActionGroups = [
  "meeting",
  "room",
  "incoming",
  "user",
  "unit",
  "registry",
  "routeTemplate",
  "recipientGroup",
  "organisation",
  "signing",
  "exchange",
  "schedule",
  "calendar",
  "notice",
  "task",
  "demo",
] as const;
export type AuditActionGroup = (typeof auditActionGroups)[number];

export const groupOf = (action: string) => action.slice(0, action.indexOf("."));

/** What the action filter accepts: one action, or every action of a group. */
export const auditActionFilters = [...auditActionGroups, ...auditActionNames] as [
  AuditActionGroup | AuditAction,
  ...(AuditActionGroup | AuditAction)[],
];

export const isAuditActionGroup = (v: string): v is AuditActionGroup =>
  (auditActionGroups as readonly string[]).includes(v);

/**
 * What the server knows of an event's record as it is now: its name (a document's subject), a
 * document's arrival number, a user's username, and whether the reader may open the document.
 */
export type AuditRecord = {
  name: string;
  number: number | null;
  username: string | null;
  openable: boolean;
};
