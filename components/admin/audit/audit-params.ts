import type { AuditListInput } from "@/lib/schemas/audit";

/**
 * The audit log's filters as kept in its URL, so that a filtered view can be reloaded or sent
 * to a colleague. Values are taken as written: the server checks them and says, on each field,
 * what is wrong with one, rather than the page quietly dropping it.
 */
export type AuditFilters = {
  actor: string | null;
  action: string | null;
  type: string | null;
  record: string | null;
  from: string | null;
  to: string | null;
};

const names = ["actor", "action", "type", "record", "from", "to"] as const;

export const noFilters: AuditFilters = {
  actor: null,
  action: null,
  type: null,
  record: null,
  from: null,
  to: null,
};

// Longer than any valid value; keeps a pasted page of text out of the request.
const MAX_LENGTH = 100;

export function filtersFromParams(params: { get: (name: string) => string | null }) {
  const filters = { ...noFilters };
  for (const name of names) {
    const value = params.get(name)?.trim().slice(0, MAX_LENGTH);
    filters[name] = value ? value : null;
  }
  return filters;
}

export function auditHref(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

export const hasFilters = (filters: AuditFilters) => names.some((name) => filters[name]);

type FilterInput = Pick<
  AuditListInput,
  "actorId" | "action" | "entityType" | "entityId" | "from" | "to"
>;

/** The list's input. A value the URL got wrong goes as it is, for the server to refuse on its field. */
export function listFilters(filters: AuditFilters): FilterInput {
  return {
    actorId: filters.actor,
    action: filters.action as FilterInput["action"],
    entityType: filters.type as FilterInput["entityType"],
    entityId: filters.record,
    from: filters.from,
    to: filters.to,
  };
}

/** The server names input fields; the page names them as its URL does. */
export const fieldOfInput: Record<string, keyof AuditFilters> = {
  actorId: "actor",
  action: "action",
  entityType: "type",
  entityId: "record",
  from: "from",
  to: "to",
};
