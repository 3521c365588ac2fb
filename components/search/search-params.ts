import { isCalendarDay } from "@/lib/dates";
import { documentTypeKeys, urgencies, type DocumentType, type Urgency } from "@/lib/documents";
import { incomingStatuses, type IncomingStatus } from "@/lib/schemas/search";

/** What the search page keeps in its URL, so a search can be bookmarked and sent to a colleague. */
export type SearchCriteria = {
  q: string | null;
  from: string | null;
  to: string | null;
  type: DocumentType | null;
  issuer: string | null;
  status: IncomingStatus | null;
  urgency: Urgency | null;
};

export const emptyCriteria: SearchCriteria = {
  q: null,
  from: null,
  to: null,
  type: null,
  issuer: null,
  status: null,
  urgency: null,
};

const day = (v: string | null) => (isCalendarDay(v) ? v : null);
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v && (values as readonly string[]).includes(v) ? (v as T) : null;
const text = (v: string | null, max: number) => {
  const trimmed = v?.trim().slice(0, max);
  return trimmed ? trimmed : null;
};

/** Reads the criteria from the URL; anything malformed is dropped rather than refused. */
export function criteriaFromParams(params: { get: (name: string) => string | null }) {
  const from = day(params.get("from"));
  const to = day(params.get("to"));
  const ordered = !from || !to || from <= to;
  return {
    q: text(params.get("q"), 200),
    from: ordered ? from : null,
    to: ordered ? to : null,
    type: oneOf(documentTypeKeys, params.get("type")),
    issuer: text(params.get("issuer"), 255),
    status: oneOf(incomingStatuses, params.get("status")),
    urgency: oneOf(urgencies, params.get("urgency")),
  } satisfies SearchCriteria;
}

export function searchHref(criteria: SearchCriteria): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(criteria)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

export const hasCriteria = (criteria: SearchCriteria) => Object.values(criteria).some(Boolean);
