// Internal notices (thông báo nội bộ): the words shared by the server and the pages.

export const noticeStatuses = ["draft", "published", "withdrawn"] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/** Who a notice is for: the whole organisation, some of its units, or named people. */
export const noticeAudienceKinds = ["organisation", "units", "people"] as const;
export type NoticeAudienceKind = (typeof noticeAudienceKinds)[number];

/** A publisher's filter on the tracking table. */
export const noticeTrackingFilters = ["all", "unread", "unconfirmed"] as const;
export type NoticeTrackingFilter = (typeof noticeTrackingFilters)[number];
