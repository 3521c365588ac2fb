import {
  cancelMeetingInput,
  cancelOccurrenceInput,
  cancelReservationInput,
  createMeetingInput,
  createRoomInput,
  meetingIdInput,
  moveOccurrenceInput,
  participantsBusyInput,
  reserveRoomInput,
  respondInput,
  roomAvailabilityInput,
  roomWeekInput,
  updateMeetingInput,
  updateRoomInput,
} from "@/lib/schemas/meetings";
import { participantsBusy, roomAvailability } from "../../meetings/availability";
import { createMeeting } from "../../meetings/create";
import { getMeeting } from "../../meetings/detail";
import { myMeetings } from "../../meetings/my-meetings";
import { respondToMeeting } from "../../meetings/responses";
import {
  cancelReservation,
  createRoom,
  listRooms,
  reserveRoom,
  roomWeek,
  updateRoom,
} from "../../meetings/rooms";
import { applyMeetingAction } from "../../meetings/workflow";
import { permissionProcedure, router } from "../trpc";

/** Meetings (cuộc họp) and the rooms they are held in (phòng họp). */
export const meetingsRouter = router({
  mine: permissionProcedure("meeting.read").query(({ ctx }) => myMeetings(ctx.db, ctx.actor)),

  get: permissionProcedure("meeting.read")
    .input(meetingIdInput)
    .query(({ ctx, input }) => getMeeting(ctx.db, ctx.actor, input.id)),

  create: permissionProcedure("meeting.organise")
    .input(createMeetingInput)
    .mutation(({ ctx, input }) => createMeeting(ctx.db, ctx.actor, input)),

  update: permissionProcedure("meeting.organise")
    .input(updateMeetingInput)
    .mutation(({ ctx, input: { id, version, ...rest } }) =>
      applyMeetingAction(ctx.db, ctx.actor, { id, version, input: { action: "edit", ...rest } }),
    ),

  cancel: permissionProcedure("meeting.organise")
    .input(cancelMeetingInput)
    .mutation(({ ctx, input }) =>
      applyMeetingAction(ctx.db, ctx.actor, {
        id: input.id,
        version: input.version,
        input: { action: "cancel", reason: input.reason },
      }),
    ),

  cancelOccurrence: permissionProcedure("meeting.organise")
    .input(cancelOccurrenceInput)
    .mutation(({ ctx, input: { id, version, ...rest } }) =>
      applyMeetingAction(ctx.db, ctx.actor, {
        id,
        version,
        input: { action: "cancelOccurrence", ...rest },
      }),
    ),

  moveOccurrence: permissionProcedure("meeting.organise")
    .input(moveOccurrenceInput)
    .mutation(({ ctx, input: { id, version, ...rest } }) =>
      applyMeetingAction(ctx.db, ctx.actor, {
        id,
        version,
        input: { action: "moveOccurrence", ...rest },
      }),
    ),

  respond: permissionProcedure("meeting.read")
    .input(respondInput)
    .mutation(({ ctx, input }) => respondToMeeting(ctx.db, ctx.actor, input)),

  roomAvailability: permissionProcedure("meeting.read")
    .input(roomAvailabilityInput)
    .query(({ ctx, input }) => roomAvailability(ctx.db, ctx.actor, input)),

  participantsBusy: permissionProcedure("meeting.organise")
    .input(participantsBusyInput)
    .query(({ ctx, input }) => participantsBusy(ctx.db, ctx.actor, input)),

  rooms: permissionProcedure("meeting.read").query(({ ctx }) => listRooms(ctx.db, ctx.actor)),

  roomWeek: permissionProcedure("meeting.read")
    .input(roomWeekInput)
    .query(({ ctx, input }) => roomWeek(ctx.db, ctx.actor, input)),

  createRoom: permissionProcedure("room.manage")
    .input(createRoomInput)
    .mutation(({ ctx, input }) => createRoom(ctx.db, ctx.actor, input)),

  updateRoom: permissionProcedure("room.manage")
    .input(updateRoomInput)
    .mutation(({ ctx, input }) => updateRoom(ctx.db, ctx.actor, input)),

  reserveRoom: permissionProcedure("room.manage")
    .input(reserveRoomInput)
    .mutation(({ ctx, input }) => reserveRoom(ctx.db, ctx.actor, input)),

  cancelReservation: permissionProcedure("room.manage")
    .input(cancelReservationInput)
    .mutation(({ ctx, input }) => cancelReservation(ctx.db, ctx.actor, input)),
});
