// The incoming workflow as data: for each action, the states it may start from, the states it may
// lead to, who may take it (a permission of lib/permissions.ts) and the guard-and-effect that
// checks the finer conditions and writes the change. Nothing else changes a document's status.
import type { IncomingActionInput, IncomingActionName } from "@/lib/schemas/incoming-actions";
import type { DocumentOutcome } from "../workflow/documents";
import type { Transition as EngineTransition } from "../workflow/engine";
import { forwardDocument, withdrawDirection } from "./actions-direction";
import {
  addNote,
  decideExtension,
  markRead,
  requestExtension,
  returnToLeader,
} from "./actions-handling";
import {
  assignToSpecialist,
  directDocument,
  presentDocument,
  returnToSender,
} from "./actions-routing";
import { answerRecall } from "../delivery/recall";
import { registerArrived } from "./actions-register";
import { reviewResult, submitResult } from "./actions-results";
import type { ActionContext, IncomingStatus } from "./workflow-support";

export type ActionOutcome = DocumentOutcome & { to?: IncomingStatus };

export type Transition = EngineTransition<
  IncomingStatus,
  ActionContext,
  IncomingActionInput,
  ActionOutcome
> & { action: IncomingActionName };

// Each `run` receives the payload of its own action (the union is narrowed by `action`).
const as = <A extends IncomingActionName>(
  fn: (
    ctx: ActionContext,
    p: Extract<IncomingActionInput, { action: A }>,
  ) => Promise<ActionOutcome>,
) => fn as Transition["run"];

const handling = ["in_progress"] as const;

export const incomingTransitions: readonly Transition[] = [
  {
    action: "answerRecall",
    from: ["received", "registered", "presented", "in_progress", "returned", "completed"],
    to: ["received", "registered", "presented", "in_progress", "returned", "completed", "recalled"],
    who: "incoming.receive",
    run: as<"answerRecall">(answerRecall),
  },
  {
    action: "register",
    from: ["received"],
    to: ["registered"],
    who: "incoming.receive",
    run: as<"register">(registerArrived),
  },
  {
    action: "present",
    from: ["registered", "returned", "presented"],
    to: ["presented"],
    who: "incoming.receive",
    run: as<"present">(presentDocument),
  },
  {
    action: "direct",
    from: ["presented", "in_progress"],
    to: ["in_progress"],
    who: "incoming.direct",
    run: as<"direct">(directDocument),
  },
  {
    action: "assignToSpecialist",
    from: handling,
    to: handling,
    who: "incoming.assign",
    run: as<"assignToSpecialist">(assignToSpecialist),
  },
  {
    action: "addNote",
    from: handling,
    to: handling,
    who: "incoming.handle",
    run: as<"addNote">(addNote),
  },
  {
    action: "requestExtension",
    from: handling,
    to: handling,
    who: "incoming.handle",
    run: as<"requestExtension">(requestExtension),
  },
  {
    action: "decideExtension",
    from: handling,
    to: handling,
    who: "incoming.direct",
    run: as<"decideExtension">(decideExtension),
  },
  {
    action: "submitResult",
    from: handling,
    to: ["in_progress", "completed"],
    who: "incoming.handle",
    run: as<"submitResult">(submitResult),
  },
  {
    action: "reviewResult",
    from: handling,
    to: ["in_progress", "completed"],
    who: "incoming.handle",
    run: as<"reviewResult">(reviewResult),
  },
  {
    action: "withdrawDirection",
    from: handling,
    to: ["presented"],
    who: "incoming.direct",
    run: as<"withdrawDirection">(withdrawDirection),
  },
  {
    action: "forward",
    from: ["in_progress", "completed"],
    to: ["in_progress", "completed"],
    who: "incoming.read",
    run: as<"forward">(forwardDocument),
  },
  {
    action: "returnToLeader",
    from: handling,
    to: ["in_progress", "returned"],
    who: "incoming.handle",
    run: as<"returnToLeader">(returnToLeader),
  },
  {
    action: "markRead",
    from: ["in_progress", "completed"],
    to: ["in_progress", "completed"],
    who: "incoming.read",
    run: (ctx) => markRead(ctx),
  },
  {
    action: "returnToSender",
    from: ["received", "registered", "presented", "returned"],
    to: ["returned_to_sender"],
    who: "incoming.receive",
    run: as<"returnToSender">(returnToSender),
  },
];
