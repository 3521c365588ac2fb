// What must never come back to whom. Each organisation's records and the secret document's
// content are tokens; every answer is searched for the tokens its caller may not see.
import type { FuzzUser, FuzzWorld, OrgRecords } from "./fixture";

type Texts = { subject: string; notes: string; auditNote: string };

/**
 * The secret document's content, each text carrying a marker unique to the run; the marker is
 * what answers are searched for (case-insensitively, so a lower-cased copy counts too).
 */
export type SecretCanaries = Texts & { markers: Texts };

export function secretCanaries(seed: number): SecretCanaries {
  const markers = {
    subject: `SECRETSUBJECT${seed}`,
    notes: `SECRETNOTES${seed}`,
    auditNote: `SECRETAUDIT${seed}`,
  };
  return {
    subject: `Kế hoạch bảo vệ bí mật nhà nước ${markers.subject}`,
    notes: `Chỉ văn thư được biết ${markers.notes}`,
    auditNote: `Ý kiến về văn bản mật ${markers.auditNote}`,
    markers,
  };
}

/**
 * A value that must not reach a caller. `nameable` values (ids, hashes) are things a client can
 * send: an answer may repeat one the caller named itself (an id echoed in a refusal, a file the
 * caller attached by its hash) without anything leaking. Content (subjects, notes) is never
 * nameable: searching for a word is no licence to read the document.
 */
export type Token = { label: string; value: string; nameable: boolean };

const recordTokens = (name: string, r: OrgRecords): Token[] => [
  ...r.documents.map((value) => ({ label: `${name} document id`, value, nameable: true })),
  // The subjects end in a marker unique to the run; the marker alone is enough to recognise one.
  ...r.subjects.map((s) => ({
    label: `${name} document subject`,
    value: s.split(" ").at(-1)!,
    nameable: false,
  })),
  ...r.files.map((value) => ({ label: `${name} file id`, value, nameable: true })),
  ...r.hashes.map((value) => ({ label: `${name} file hash`, value, nameable: true })),
  ...r.assignments.map((value) => ({ label: `${name} assignment id`, value, nameable: true })),
  ...r.extensions.map((value) => ({ label: `${name} extension id`, value, nameable: true })),
  ...r.users.map((value) => ({ label: `${name} user id`, value, nameable: true })),
  ...r.units.map((value) => ({ label: `${name} unit id`, value, nameable: true })),
  ...r.registries.map((value) => ({ label: `${name} registry id`, value, nameable: true })),
];

/**
 * Procedures in which the deployment admin, who works on every organisation, legitimately reads
 * other organisations' records: their audit logs, the organisation tree, their units and users.
 * Nowhere else; and the secret document's content nowhere at all.
 */
export const DEPLOYMENT_ADMIN_READS_ANY_ORGANISATION: ReadonlySet<string> = new Set([
  "audit.list",
  "audit.actors",
  "audit.verify",
  "audit.verifyAll",
  "orgTree.list",
  "orgTree.get",
  "orgTree.create",
  "orgTree.update",
  "orgTree.move",
  "orgTree.close",
  "orgTree.merge",
  "units.list",
  "units.create",
  "units.update",
  "units.setActive",
  "users.list",
  "users.get",
  "users.create",
  "users.update",
  "users.setActive",
  "users.resetPassword",
]);

/** The tokens that must not reach `user` from `target` (a procedure path or route name). */
export function forbiddenTokens(world: FuzzWorld, user: FuzzUser, target: string): Token[] {
  const s = world.secret;
  const m = s.markers;
  const secret: Token[] = [
    { label: "secret document subject", value: m.subject, nameable: false },
    { label: "secret document notes", value: m.notes, nameable: false },
    { label: "secret document audit note", value: m.auditNote, nameable: false },
    { label: "secret document file hash", value: s.sha256, nameable: true },
  ];
  const dc = recordTokens("Định Công", world.records.dinhcong);
  const hl = recordTokens("Hoàng Liệt", world.records.hoangliet);
  switch (user.name) {
    case "vanthu.dc":
      return hl;
    case "vanthu.hl":
      return [...dc, ...secret];
    case "anonymous":
      return [...dc, ...hl, ...secret];
    case "quantri":
      return DEPLOYMENT_ADMIN_READS_ANY_ORGANISATION.has(target)
        ? secret
        : [...dc, ...hl, ...secret];
    default:
      // Everyone else of Định Công, the clerk who must change the password included.
      return [...hl, ...secret];
  }
}

/** The text an answer is searched in: its headers, its body, and the inside of opaque cursors. */
export function answerHaystack(headers: Headers, body: string): string {
  const parts = [body];
  headers.forEach((value, name) => parts.push(`${name}: ${value}`));
  // Cursors are base64url JSON; an id of another organisation inside one is a leak too.
  for (const chunk of body.match(/[A-Za-z0-9_-]{24,}/g) ?? []) {
    parts.push(Buffer.from(chunk, "base64url").toString("utf8"));
  }
  return parts.join("\n").toLowerCase();
}

/**
 * Remembers, per caller, the nameable tokens it has sent, and reports the tokens an answer
 * carries that its caller may not see.
 */
export class LeakWatch {
  private readonly named = new Map<string, Set<string>>();

  constructor(private readonly world: FuzzWorld) {}

  leaks(user: FuzzUser, target: string, request: string, haystack: string): Token[] {
    const tokens = forbiddenTokens(this.world, user, target);
    const sent = request.toLowerCase();
    let named = this.named.get(user.name);
    if (!named) this.named.set(user.name, (named = new Set()));
    for (const t of tokens)
      if (t.nameable && sent.includes(t.value.toLowerCase())) named.add(t.value);
    return tokens.filter(
      (t) => !(t.nameable && named.has(t.value)) && haystack.includes(t.value.toLowerCase()),
    );
  }
}
