import type { TaskActionName, TaskStatus } from "./schemas/tasks";

/**
 * The workflow action a card dropped from one column of the board onto another asks for, if
 * any. The server decides whether the person may take it; a move no action makes (back to
 * "new") is refused on the spot.
 */
export function actionForMove(from: TaskStatus, to: TaskStatus): TaskActionName | null {
  if (from === to) return null;
  if (to === "cancelled") return "cancel";
  if (to === "done") return from === "cancelled" ? null : "complete";
  if (to === "in_progress") return from === "new" ? "start" : "reopen";
  return null;
}
