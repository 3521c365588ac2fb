// The task workflow as data: for each action, the states it may start from, the states it may
// lead to, who may take it (a permission of lib/permissions.ts) and the guard-and-effect that
// checks the finer conditions and says what changes. Nothing else changes a task's status.
import type { TaskActionInput, TaskActionName, TaskStatus } from "@/lib/schemas/tasks";
import type { Transition as EngineTransition } from "../workflow/engine";
import {
  cancelTask,
  completeTask,
  decideExtension,
  decideReport,
  handOverTask,
  reopenTask,
  reportProgress,
  requestExtension,
  startTask,
} from "./actions";
import { editTask } from "./edit";
import type { TaskContext, TaskOutcome } from "./workflow-support";

export type TaskTransition = EngineTransition<
  TaskStatus,
  TaskContext,
  TaskActionInput,
  TaskOutcome
> & {
  action: TaskActionName;
};

// Each `run` receives the payload of its own action (the union is narrowed by `action`).
const as = <A extends TaskActionName>(
  fn: (ctx: TaskContext, p: Extract<TaskActionInput, { action: A }>) => Promise<TaskOutcome>,
) => fn as TaskTransition["run"];

const open = ["new", "in_progress"] as const;

export const taskTransitions: readonly TaskTransition[] = [
  {
    action: "start",
    from: ["new"],
    to: ["in_progress"],
    who: "task.work",
    run: as<"start">(startTask),
  },
  {
    action: "handOver",
    from: open,
    to: open,
    who: "task.assign",
    run: as<"handOver">(handOverTask),
  },
  {
    action: "reportProgress",
    from: ["in_progress"],
    to: ["in_progress", "done"],
    who: "task.work",
    run: as<"reportProgress">(reportProgress),
  },
  {
    action: "decideReport",
    from: ["in_progress"],
    to: ["in_progress", "done"],
    who: "task.work",
    run: as<"decideReport">(decideReport),
  },
  {
    action: "requestExtension",
    from: open,
    to: open,
    who: "task.work",
    run: as<"requestExtension">(requestExtension),
  },
  {
    action: "decideExtension",
    from: open,
    to: open,
    who: "task.work",
    run: as<"decideExtension">(decideExtension),
  },
  {
    action: "edit",
    from: open,
    to: open,
    who: "task.work",
    run: as<"edit">(editTask),
  },
  {
    action: "complete",
    from: open,
    to: ["done"],
    who: "task.work",
    run: as<"complete">(completeTask),
  },
  {
    action: "cancel",
    from: open,
    to: ["cancelled"],
    who: "task.work",
    run: as<"cancel">(cancelTask),
  },
  {
    action: "reopen",
    from: ["done", "cancelled"],
    to: ["in_progress"],
    who: "task.work",
    run: as<"reopen">(reopenTask),
  },
];
