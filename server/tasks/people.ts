// Who a task may be given to, checked against the organisation and the assigner's reach: anyone
// may take a task on themselves; leaders give tasks across the organisation; unit heads within
// their unit. Watchers may be anyone of the organisation.
import type { Tx } from "@/db/client";
import { can } from "@/lib/permissions";
import type { Actor } from "../authz/actor";
import { fieldError } from "../errors";
import { loadMembers, loadUnits, unitHeads } from "../incoming/workflow-support";
import { isLeader } from "./visibility";

export type TaskPeopleInput = {
  lead: { userId?: string | null; unitId?: string | null };
  coIds: string[];
  watcherIds: string[];
};

export type TaskPeople = {
  leadUserId: string | null;
  leadUnitId: string | null;
  /** The unit that answers for the task. */
  unitId: string | null;
  leadName: string;
  coIds: string[];
  watcherIds: string[];
  /** The people told of the new task: the lead (or the unit's heads), co-assignees, watchers. */
  toldLead: string[];
};

type Member = { id: string; fullName: string; unitId: string | null };

/** May the actor give a task to this member (as lead or co-assignee)? */
export function mayAssignTo(actor: Actor, member: { id: string; unitId: string | null }): boolean {
  if (member.id === actor.userId) return true;
  if (!can(actor.roles, "task.assign")) return false;
  if (isLeader(actor)) return true;
  return actor.roles.includes("unit_head") && !!actor.unitId && member.unitId === actor.unitId;
}

export async function resolveTaskPeople(
  tx: Tx,
  actor: Actor,
  input: TaskPeopleInput,
  field = "",
): Promise<TaskPeople> {
  const f = (name: string) => (field ? `${field}.${name}` : name);
  const ids = [input.lead.userId, ...input.coIds, ...input.watcherIds].filter(
    (id): id is string => !!id,
  );
  const members = await loadMembers(tx, actor.organisationId, ids);
  const member = (id: string, name: string): Member => {
    const m = members.get(id);
    if (!m) throw fieldError({ [name]: "tasks.personNotFound" });
    return m;
  };
  const reach = (m: Member, name: string) => {
    if (!mayAssignTo(actor, m))
      throw fieldError({
        [name]: can(actor.roles, "task.assign") ? "tasks.outsideYourUnit" : "tasks.onlyYourself",
      });
  };

  let leadUserId: string | null = null;
  let leadUnitId: string | null = null;
  let unitId: string | null = null;
  let leadName: string;
  let toldLead: string[];
  if (input.lead.userId) {
    const lead = member(input.lead.userId, f("lead"));
    reach(lead, f("lead"));
    leadUserId = lead.id;
    unitId = lead.unitId;
    leadName = lead.fullName;
    toldLead = [lead.id];
  } else {
    const found = (await loadUnits(tx, actor.organisationId, [input.lead.unitId!])).get(
      input.lead.unitId!,
    );
    if (!found) throw fieldError({ [f("lead")]: "tasks.unitNotFound" });
    if (!isLeader(actor) && !(actor.roles.includes("unit_head") && actor.unitId === found.id))
      throw fieldError({ [f("lead")]: "tasks.outsideYourUnit" });
    const heads = await unitHeads(tx, actor.organisationId, found.id);
    if (heads.length === 0)
      throw fieldError({
        [f("lead")]: { key: "tasks.unitHasNoHead", params: { unit: found.name } },
      });
    leadUnitId = found.id;
    unitId = found.id;
    leadName = found.name;
    toldLead = heads;
  }

  const seen = new Set<string>(leadUserId ? [leadUserId] : []);
  input.coIds.forEach((id, i) => {
    const m = member(id, f(`coIds.${i}`));
    if (seen.has(id)) throw fieldError({ [f(`coIds.${i}`)]: "tasks.personTwice" });
    reach(m, f(`coIds.${i}`));
    seen.add(id);
  });
  input.watcherIds.forEach((id, i) => {
    member(id, f(`watcherIds.${i}`));
    if (seen.has(id)) throw fieldError({ [f(`watcherIds.${i}`)]: "tasks.personTwice" });
    seen.add(id);
  });
  return {
    leadUserId,
    leadUnitId,
    unitId,
    leadName,
    coIds: input.coIds,
    watcherIds: input.watcherIds,
    toldLead,
  };
}
