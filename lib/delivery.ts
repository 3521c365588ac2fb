// Where a delivered document stands at its recipient, as the sender sees it: the statuses of
// QCVN 102:2016 (edXML) and their codes.

/** In the order a document moves through them at the recipient (refused ends it early). */
export const deliveryStatuses = [
  /** Waiting to be sent (an outside body, or another system). */
  "pending",
  "arrived",
  "refused",
  "registered",
  "assigned",
  "in_progress",
  "completed",
  /** The sender recalled it and the recipient accepted (code 15). */
  "recalled",
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** The edXML StatusCode of each status the recipient reports. */
export const statusCodes = {
  arrived: "01",
  refused: "02",
  registered: "03",
  assigned: "04",
  in_progress: "05",
  completed: "06",
  recalled: "15",
} as const satisfies Partial<Record<DeliveryStatus, string>>;
export type StatusCode = (typeof statusCodes)[keyof typeof statusCodes];

/** Registered at the recipient, and the steps after it: assigned, in progress, completed. */
export const registeredStatuses = [
  "registered",
  "assigned",
  "in_progress",
  "completed",
] as const satisfies DeliveryStatus[];

/** The recipient holds the document: arrived, or registered and on. */
export const heldStatuses = ["arrived", ...registeredStatuses] as const;

export const isRegistered = (status: DeliveryStatus) =>
  (registeredStatuses as readonly DeliveryStatus[]).includes(status);

/** How far along a status is: a later report never moves a delivery back. */
export const statusRank: Record<DeliveryStatus, number> = {
  pending: 0,
  arrived: 1,
  registered: 2,
  assigned: 3,
  in_progress: 4,
  completed: 5,
  refused: 6,
  recalled: 7,
};

/** What the sender asks of an issued document (edXML BussinessDocType 1, 2, 3). */
export const recallKinds = ["recall", "update", "replace"] as const;
export type RecallKind = (typeof recallKinds)[number];

/** The recall codes: 13 asked, 15 accepted, 16 refused. */
export const recallCodes = { requested: "13", accepted: "15", refused: "16" } as const;
export type RecallState = keyof typeof recallCodes;
