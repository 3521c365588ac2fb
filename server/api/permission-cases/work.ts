// The permission cases of tasks, meetings, schedules, the calendar and notices: see
// permissions.int.test.ts.
import { meetingDay, meetingTimes, meetingFormInput, type Case } from "./kit";

export const workCases: Record<string, Case> = {
  "tasks.list": {
    permission: "task.work",
    input: () => ({ view: "mine" }),
    otherOrganisation: { none: "lists the caller's own tasks" },
  },
  "tasks.get": {
    permission: "task.work",
    input: (ids) => ({ id: ids.hlTask }),
    otherOrganisation: (ids) => ({ id: ids.hlTask }),
  },
  "tasks.create": {
    permission: "task.work",
    input: (ids) => ({
      title: "Việc thử",
      lead: { userId: ids.users["chuyenvien.kt"] },
      startDate: "2030-01-02",
      deadline: "2030-01-09",
    }),
    otherOrganisation: {
      none: "creates in the caller's organisation; another's people are unknown there (server/tasks/workflow.int.test.ts)",
    },
  },
  "tasks.act": {
    permission: "task.work",
    input: (ids) => ({ taskId: ids.hlTask, version: 1, input: { action: "start" } }),
    otherOrganisation: (ids) => ({
      taskId: ids.hlTask,
      version: 1,
      input: { action: "cancel", reason: "Hủy" },
    }),
  },
  "tasks.comment": {
    permission: "task.work",
    input: (ids) => ({ taskId: ids.hlTask, body: "Ý kiến" }),
    otherOrganisation: (ids) => ({ taskId: ids.hlTask, body: "Ý kiến" }),
  },
  "tasks.addFiles": {
    permission: "task.work",
    input: (ids) => ({
      taskId: ids.hlTask,
      files: [{ sha256: "a".repeat(64), fileName: "a.pdf" }],
    }),
    otherOrganisation: (ids) => ({
      taskId: ids.hlTask,
      files: [{ sha256: "a".repeat(64), fileName: "a.pdf" }],
    }),
  },
  "tasks.removeFile": {
    permission: "task.work",
    input: (ids) => ({ taskId: ids.hlTask, fileId: ids.hlTask }),
    otherOrganisation: (ids) => ({ taskId: ids.hlTask, fileId: ids.hlTask }),
  },
  "tasks.dueSoon": {
    permission: "task.work",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "tasks.ofDocument": {
    permission: "task.work",
    input: (ids) => ({ documentId: ids.hlDocument }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "tasks.directionPrefill": {
    permission: "task.assign",
    input: (ids) => ({ documentId: ids.hlDocument }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "tasks.fromDirection": {
    permission: "task.assign",
    input: (ids) => ({
      documentId: ids.hlDocument,
      tasks: [
        {
          title: "Việc",
          lead: { userId: ids.users["chuyenvien.kt"] },
          startDate: "2030-01-02",
          deadline: "2030-01-09",
        },
      ],
    }),
    otherOrganisation: (ids) => ({
      documentId: ids.hlDocument,
      tasks: [
        {
          title: "Việc",
          lead: { userId: ids.users["chutich.hl"] },
          startDate: "2030-01-02",
          deadline: "2030-01-09",
        },
      ],
    }),
  },
  "tasks.report": {
    permission: "task.report",
    input: () => ({ from: "2026-01-01", to: "2026-12-31" }),
    otherOrganisation: { none: "counts the caller's organisation only" },
  },
  "meetings.mine": {
    permission: "meeting.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "meetings.get": {
    permission: "meeting.read",
    input: (ids) => ({ id: ids.hlMeeting }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting }),
  },
  "meetings.create": {
    permission: "meeting.organise",
    input: () => meetingFormInput(null),
    otherOrganisation: (ids) => meetingFormInput(ids.hlRoom),
  },
  "meetings.update": {
    permission: "meeting.organise",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, ...meetingFormInput(null) }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting, version: 1, ...meetingFormInput(null) }),
  },
  "meetings.cancel": {
    permission: "meeting.organise",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, reason: null }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting, version: 1, reason: null }),
  },
  "meetings.cancelOccurrence": {
    permission: "meeting.organise",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, occurrenceStart: "2027-01-11T00:30:00Z" }),
    otherOrganisation: (ids) => ({
      id: ids.hlMeeting,
      version: 1,
      occurrenceStart: "2027-01-11T00:30:00Z",
    }),
  },
  "meetings.moveOccurrence": {
    permission: "meeting.organise",
    input: (ids) => ({
      id: ids.hlMeeting,
      version: 1,
      occurrenceStart: "2027-01-11T00:30:00Z",
      day: "2027-01-12",
      startTime: "14:00",
      endTime: "15:00",
      roomId: null,
      locationText: null,
      title: null,
    }),
    otherOrganisation: (ids) => ({
      id: ids.hlMeeting,
      version: 1,
      occurrenceStart: "2027-01-11T00:30:00Z",
      day: "2027-01-12",
      startTime: "14:00",
      endTime: "15:00",
      roomId: null,
      locationText: null,
      title: null,
    }),
  },
  "meetings.respond": {
    permission: "meeting.read",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, response: "accepted" }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting, version: 1, response: "accepted" }),
  },
  "meetings.roomAvailability": {
    permission: "meeting.read",
    input: (ids) => ({ roomId: ids.hlRoom, ...meetingTimes }),
    otherOrganisation: (ids) => ({ roomId: ids.hlRoom, ...meetingTimes }),
  },
  "meetings.participantsBusy": {
    permission: "meeting.organise",
    input: () => ({ ...meetingTimes, participantIds: [] }),
    otherOrganisation: (ids) => ({ ...meetingTimes, participantIds: [ids.users["chutich.hl"]] }),
  },
  "meetings.rooms": {
    permission: "meeting.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation" },
  },
  "meetings.roomWeek": {
    permission: "meeting.read",
    input: (ids) => ({ roomId: ids.hlRoom, weekStart: "2027-01-04" }),
    otherOrganisation: (ids) => ({ roomId: ids.hlRoom, weekStart: "2027-01-04" }),
  },
  "meetings.createRoom": {
    permission: "room.manage",
    input: () => ({ name: "Phòng mới", capacity: 10, equipment: [], active: true }),
    otherOrganisation: { none: "creates in the caller's organisation only" },
  },
  "meetings.updateRoom": {
    permission: "room.manage",
    input: (ids) => ({
      id: ids.hlRoom,
      version: 1,
      name: "Phòng",
      capacity: 5,
      equipment: [],
      active: true,
    }),
    otherOrganisation: (ids) => ({
      id: ids.hlRoom,
      version: 1,
      name: "Chiếm phòng",
      capacity: 5,
      equipment: [],
      active: false,
    }),
  },
  "meetings.reserveRoom": {
    permission: "room.manage",
    input: (ids) => ({ roomId: ids.hlRoom, purpose: "Tiếp dân", ...meetingDay }),
    otherOrganisation: (ids) => ({ roomId: ids.hlRoom, purpose: "Tiếp dân", ...meetingDay }),
  },
  "meetings.cancelReservation": {
    permission: "room.manage",
    input: (ids) => ({ id: ids.hlBooking, version: 1 }),
    otherOrganisation: (ids) => ({ id: ids.hlBooking, version: 1 }),
  },
  "schedule.week": {
    permission: "schedule.read",
    input: () => ({ unitId: null, year: 2026, week: 50 }),
    otherOrganisation: (ids) => ({ unitId: ids.hlUnit, year: 2026, week: 50 }),
  },
  "schedule.createSheet": {
    permission: "schedule.draft",
    input: () => ({ unitId: null, year: 2026, week: 51 }),
    otherOrganisation: (ids) => ({ unitId: ids.hlUnit, year: 2026, week: 51 }),
  },
  "schedule.prefill": {
    permission: "schedule.draft",
    input: (ids) => ({ source: { kind: "document", id: ids.hlDocument } }),
    otherOrganisation: (ids) => ({ source: { kind: "document", id: ids.hlDocument } }),
  },
  "schedule.addEntry": {
    permission: "schedule.draft",
    input: (ids) => ({
      sheetId: ids.hlSheet,
      sheetVersion: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Họp giao ban",
    }),
    otherOrganisation: (ids) => ({
      sheetId: ids.hlSheet,
      sheetVersion: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Chiếm quyền",
    }),
  },
  "schedule.updateEntry": {
    permission: "schedule.draft",
    input: (ids) => ({
      id: ids.hlSheet,
      version: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Họp giao ban",
    }),
    otherOrganisation: (ids) => ({
      id: ids.hlSheet,
      version: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Chiếm quyền",
    }),
  },
  "schedule.removeEntry": {
    permission: "schedule.draft",
    input: (ids) => ({ id: ids.hlSheet, version: 1 }),
    otherOrganisation: (ids) => ({ id: ids.hlSheet, version: 1 }),
  },
  "schedule.copyPreviousWeek": {
    permission: "schedule.draft",
    input: (ids) => ({ sheetId: ids.hlSheet, sheetVersion: 1 }),
    otherOrganisation: (ids) => ({ sheetId: ids.hlSheet, sheetVersion: 1 }),
  },
  "schedule.act": {
    permission: "schedule.read",
    input: (ids) => ({ id: ids.hlSheet, version: 1, input: { action: "submit" } }),
    otherOrganisation: (ids) => ({ id: ids.hlSheet, version: 1, input: { action: "submit" } }),
  },
  "calendar.items": {
    permission: "calendar.read",
    input: () => ({ from: "2026-12-01", to: "2026-12-31" }),
    otherOrganisation: { none: "answers only about the caller" },
  },
  "calendar.feed": {
    permission: "calendar.read",
    input: () => ({ scope: "mine" }),
    otherOrganisation: (ids) => ({ scope: "schedule", unitId: ids.hlUnit }),
  },
  "calendar.renewFeed": {
    permission: "calendar.read",
    input: () => ({ scope: "mine", version: null }),
    otherOrganisation: (ids) => ({ scope: "schedule", unitId: ids.hlUnit, version: null }),
  },
  "calendar.revokeFeed": {
    permission: "calendar.read",
    input: () => ({ scope: "mine", version: 1 }),
    otherOrganisation: (ids) => ({ scope: "schedule", unitId: ids.hlUnit, version: 1 }),
  },
  "notices.mine": {
    permission: "notice.read",
    input: () => ({}),
    otherOrganisation: { none: "answers only about the caller" },
  },
  "notices.pending": {
    permission: "notice.read",
    input: () => undefined,
    otherOrganisation: { none: "answers only about the caller" },
  },
  "notices.pendingCount": {
    permission: "notice.read",
    input: () => undefined,
    otherOrganisation: { none: "answers only about the caller" },
  },
  // Another organisation's real notices: server/notices/notices.int.test.ts.
  "notices.get": {
    permission: "notice.read",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "notices.confirm": {
    permission: "notice.read",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "notices.office": {
    permission: "notice.publish",
    input: () => ({}),
    otherOrganisation: { none: "lists the caller's organisation" },
  },
  "notices.create": {
    permission: "notice.publish",
    input: () => ({
      title: "Lịch trực Tết",
      body: { type: "doc", content: [] },
      audience: { kind: "organisation" },
    }),
    otherOrganisation: {
      none: "writes in the caller's organisation; another's units and people are refused as unknown (server/notices/notices.int.test.ts)",
    },
  },
  "notices.act": {
    permission: "notice.publish",
    input: (ids) => ({ id: ids.hlDocument, version: 1, input: { action: "publish" } }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument, version: 1, input: { action: "publish" } }),
  },
  "notices.tracking": {
    permission: "notice.publish",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "notices.remind": {
    permission: "notice.publish",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
};
