import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import type { Action } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import { AppError, stale } from "../errors";
import { zodFieldErrors } from "../zod-errors";

/**
 * One row of a workflow's transition table: the action, the states it may start from, the states
 * it may lead to, who may take it (a permission of lib/permissions.ts), and the guard-and-effect
 * that checks the finer conditions and says what changes.
 */
export type Transition<Status extends string, Ctx, Payload, Outcome> = {
  action: string;
  from: readonly Status[];
  to: readonly Status[];
  who: Action;
  run: (ctx: Ctx, payload: Payload) => Promise<Outcome>;
};

/** What every action's effect answers: at least the new state, when it changes. */
export type BaseOutcome<Status extends string> = { to?: Status };

/**
 * A workflow for the engine: its table and how to read, lock and write the records it moves.
 * Documents (incoming, outgoing), and later tasks and meetings, each give one; none copies the
 * engine.
 */
export type Workflow<
  Subject extends { status: Status; version: number },
  Status extends string,
  Payload extends { action: string },
  Ctx,
  Outcome extends BaseOutcome<Status>,
  Result,
> = {
  /** The message namespace of its refusals: `<name>.notAllowedNow`. */
  name: string;
  input: z.ZodType<Payload>;
  transitions: readonly Transition<Status, Ctx, Payload, Outcome>[];
  /** The record, locked for this transaction, if the actor may see it (else NOT_FOUND). */
  load: (tx: Tx, actor: Actor, id: string) => Promise<Subject>;
  /** The context of an action's effect; `extra` is what the caller prepared outside the lock. */
  context: (tx: Tx, actor: Actor, subject: Subject, extra?: unknown) => Ctx;
  /** Writes the new state and version (and the outcome's other changes of the record itself). */
  save: (tx: Tx, actor: Actor, subject: Subject, outcome: Outcome, to: Status) => Promise<Result>;
  /** History, audit event and notifications of the step, in the same transaction. */
  record: (tx: Tx, actor: Actor, subject: Subject, outcome: Outcome, to: Status) => Promise<void>;
  /** Anything every action of this workflow leaves consistent afterwards. */
  settle?: (tx: Tx, subject: Subject) => Promise<void>;
};

export function transitionOf<Status extends string, Ctx, Payload, Outcome>(
  transitions: readonly Transition<Status, Ctx, Payload, Outcome>[],
  action: string,
): Transition<Status, Ctx, Payload, Outcome> {
  const found = transitions.find((t) => t.action === action);
  if (!found) throw new Error(`No transition for ${action}`);
  return found;
}

/**
 * The one place that changes the state of anything run by a workflow. In one transaction: lock the
 * record, refuse a stale version, check the action is allowed from this state and by this person,
 * run its guard and effect, write the new state, the history, the audit event and the
 * notifications. Of two people acting at once, the second finds a newer version and is told so.
 */
export async function applyAction<
  Subject extends { status: Status; version: number },
  Status extends string,
  Payload extends { action: string },
  Ctx,
  Outcome extends BaseOutcome<Status>,
  Result,
>(
  db: Db,
  actor: Actor,
  workflow: Workflow<Subject, Status, Payload, Ctx, Outcome, Result>,
  request: { id: string; version: number; input: unknown },
  /** Prepared before the transaction (an unlocked signing key): handed to the context. */
  extra?: unknown,
): Promise<Result> {
  // Callers other than the router (jobs, other services) get the same validation.
  const parsed = workflow.input.safeParse(request.input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "errors.validation", {}, zodFieldErrors(parsed.error));
  }
  const payload = parsed.data;
  const transition = transitionOf(workflow.transitions, payload.action);
  assertCan(actor, transition.who);
  return db.transaction(async (tx) => {
    const subject = await workflow.load(tx, actor, request.id);
    if (subject.version !== request.version) throw stale();
    if (!transition.from.includes(subject.status)) {
      throw new AppError("CONFLICT", `${workflow.name}.notAllowedNow`, { status: subject.status });
    }
    const outcome = await transition.run(workflow.context(tx, actor, subject, extra), payload);
    const to = outcome.to ?? subject.status;
    if (!transition.to.includes(to)) {
      throw new Error(`${workflow.name}.${payload.action} led to ${to}, not in its table`);
    }
    await workflow.settle?.(tx, subject);
    const result = await workflow.save(tx, actor, subject, outcome, to);
    await workflow.record(tx, actor, subject, outcome, to);
    return result;
  });
}
