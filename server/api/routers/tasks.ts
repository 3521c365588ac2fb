import { z } from "zod";
import {
  addTaskCommentInput,
  applyTaskActionInput,
  attachTaskFilesInput,
  createTaskInput,
  listTasksInput,
  removeTaskFileInput,
  taskReportInput,
  tasksFromDirectionInput,
} from "@/lib/schemas/tasks";
import { idField } from "@/lib/schemas/fields";
import { addTaskComment } from "../../tasks/comments";
import { createTask } from "../../tasks/create";
import { getTask } from "../../tasks/detail";
import { addTaskFiles, removeTaskFile } from "../../tasks/files";
import {
  createTasksFromDirection,
  directionPrefill,
  tasksOfDocument,
} from "../../tasks/from-direction";
import { dueSoonTasks } from "../../tasks/calendar";
import { listTasks } from "../../tasks/list";
import { taskReport } from "../../tasks/report";
import { applyTaskAction } from "../../tasks/workflow";
import { permissionProcedure, router } from "../trpc";

export const tasksRouter = router({
  list: permissionProcedure("task.work")
    .input(listTasksInput)
    .query(({ ctx, input }) => listTasks(ctx.db, ctx.actor, input)),

  get: permissionProcedure("task.work")
    .input(z.object({ id: idField }))
    .query(({ ctx, input }) => getTask(ctx.db, ctx.actor, input)),

  create: permissionProcedure("task.work")
    .input(createTaskInput)
    .mutation(({ ctx, input }) => createTask(ctx.db, ctx.actor, input)),

  /** Every workflow action; the transition table decides who may take it and from which state. */
  act: permissionProcedure("task.work")
    .input(applyTaskActionInput)
    .mutation(({ ctx, input }) => applyTaskAction(ctx.db, ctx.actor, input)),

  comment: permissionProcedure("task.work")
    .input(addTaskCommentInput)
    .mutation(({ ctx, input }) => addTaskComment(ctx.db, ctx.actor, input)),

  /** Files added to an open task by its assigner or the people working on it. */
  addFiles: permissionProcedure("task.work")
    .input(attachTaskFilesInput)
    .mutation(({ ctx, input }) => addTaskFiles(ctx.db, ctx.actor, input)),

  removeFile: permissionProcedure("task.work")
    .input(removeTaskFileInput)
    .mutation(({ ctx, input }) => removeTaskFile(ctx.db, ctx.actor, input)),

  dueSoon: permissionProcedure("task.work").query(({ ctx }) => dueSoonTasks(ctx.db, ctx.actor, 5)),

  ofDocument: permissionProcedure("task.work")
    .input(z.object({ documentId: idField }))
    .query(({ ctx, input }) => tasksOfDocument(ctx.db, ctx.actor, input)),

  directionPrefill: permissionProcedure("task.assign")
    .input(z.object({ documentId: idField }))
    .query(({ ctx, input }) => directionPrefill(ctx.db, ctx.actor, input)),

  fromDirection: permissionProcedure("task.assign")
    .input(tasksFromDirectionInput)
    .mutation(({ ctx, input }) => createTasksFromDirection(ctx.db, ctx.actor, input)),

  report: permissionProcedure("task.report")
    .input(taskReportInput)
    .query(({ ctx, input }) => taskReport(ctx.db, ctx.actor, input)),
});
