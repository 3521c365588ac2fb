// The outgoing workflow as data: for each action, the states it may start from and lead to, who
// may take it, and its guard-and-effect (server/outgoing/actions.ts). The shared engine applies
// it; nothing else changes an outgoing document's status.
import type {
  OutgoingEngineAction as OutgoingActionName,
  OutgoingEngineInput as OutgoingActionInput,
} from "./engine-input";
import type { OutgoingStatus } from "@/lib/schemas/search";
import type { Transition as EngineTransition } from "../workflow/engine";
import {
  approveStep,
  commentOnDraft,
  refuseDraft,
  returnDraft,
  saveDraft,
  sendOnRoute,
  type OutgoingContext,
  type OutgoingOutcome,
} from "./actions";
import { requestRecall } from "../delivery/recall";
import { numberSealAndIssue, signAtStep } from "./signing";

export type OutgoingTransition = EngineTransition<
  OutgoingStatus,
  OutgoingContext,
  OutgoingActionInput,
  OutgoingOutcome & { to?: OutgoingStatus }
> & { action: OutgoingActionName };

const as = <A extends OutgoingActionName>(
  fn: (
    ctx: OutgoingContext,
    p: Extract<OutgoingActionInput, { action: A }>,
  ) => Promise<OutgoingOutcome>,
) => fn as OutgoingTransition["run"];

const writable = ["draft", "returned_to_drafter", "on_route"] as const;

export const outgoingTransitions: readonly OutgoingTransition[] = [
  {
    action: "saveDraft",
    from: writable,
    to: writable,
    who: "outgoing.draft",
    run: as<"saveDraft">(saveDraft),
  },
  {
    action: "sendOnRoute",
    from: ["draft", "returned_to_drafter"],
    to: ["on_route"],
    who: "outgoing.draft",
    run: as<"sendOnRoute">(sendOnRoute),
  },
  {
    action: "approveStep",
    from: ["on_route"],
    to: ["on_route"],
    who: "outgoing.approve",
    run: as<"approveStep">(approveStep),
  },
  {
    action: "returnDraft",
    from: ["on_route"],
    to: ["on_route", "returned_to_drafter"],
    who: "outgoing.approve",
    run: as<"returnDraft">(returnDraft),
  },
  {
    action: "refuse",
    from: ["on_route"],
    to: ["refused"],
    who: "outgoing.approve",
    run: as<"refuse">(refuseDraft),
  },
  {
    action: "sign",
    from: ["on_route"],
    // Stays on the route while a remote signing service waits for the holder's approval.
    to: ["signed", "on_route"],
    who: "outgoing.approve",
    run: as<"sign">(signAtStep),
  },
  {
    action: "issue",
    from: ["signed"],
    to: ["issued"],
    who: "outgoing.issue",
    run: as<"issue">(numberSealAndIssue),
  },
  {
    action: "requestRecall",
    from: ["issued"],
    to: ["issued"],
    who: "outgoing.issue",
    run: as<"requestRecall">(requestRecall),
  },
  {
    action: "comment",
    from: ["draft", "on_route", "returned_to_drafter", "signed", "refused"],
    to: ["draft", "on_route", "returned_to_drafter", "signed", "refused"],
    who: "outgoing.approve",
    run: as<"comment">(commentOnDraft),
  },
];
