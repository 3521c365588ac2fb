// Real values for the leaves of a procedure's input, so that fuzzed calls get past "not found"
// and reach the code behind it: the ids of the fixture's records (the caller's own, the other
// organisation's, the secret document's), real and forged cursors, hashes of stored files.
import fc from "fast-check";
import type { Leaf, LeafHint } from "./arbitraries";
import { vietnamDay as dayFrom, type FuzzUser, type FuzzWorld, type OrgRecords } from "./fixture";
import { blindCursors, forgeCursors } from "./sharp-values";

type IdKind =
  "document" | "file" | "user" | "unit" | "registry" | "organisation" | "assignment" | "extension";

const kindByKey: Record<string, IdKind> = {
  documentId: "document",
  fileId: "file",
  userId: "user",
  leaderId: "user",
  unitId: "unit",
  registryId: "registry",
  organisationId: "organisation",
  issuerOrganisationId: "organisation",
  parentId: "organisation",
  sourceId: "organisation",
  targetId: "organisation",
  assignmentId: "assignment",
  requestId: "extension",
};

/** What a bare `id` names, by router. */
const kindByRouter: Record<string, IdKind> = {
  incoming: "document",
  users: "user",
  units: "unit",
  registries: "registry",
  orgTree: "organisation",
};

/** The kind of record a uuid leaf names, from its key and the procedure's router. */
export function idKindOf(path: string, key: string): IdKind | null {
  if (key === "id") return kindByRouter[path.split(".")[0]!] ?? null;
  return kindByKey[key] ?? null;
}

const pick = (values: readonly string[]) =>
  values.length > 0 ? fc.constantFrom(...values) : undefined;

/** The cursors of real answers, and forgeries of them with one field changed at a time. */
export function cursorPool(real: readonly string[], ids: readonly string[]): string[] {
  return [...blindCursors, ...real.flatMap((c) => forgeCursors(c, ids)), ...real];
}

const ORG_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

/**
 * The hint for one caller and one procedure. Writes must not destroy what the run relies on, or
 * every later call would be refused for the wrong reason: the people the fuzz calls as (not
 * deactivated, demoted or re-passworded by `users.*`), their organisations (not closed, merged or
 * moved by `orgTree.*`), and the secret document's exclusivity (its clerk must not present it or
 * attach its file to an ordinary document, which would show it to others legitimately).
 * Those writes aim at expendable records instead; reads name everything.
 */
export function hintFor(
  world: FuzzWorld,
  cursors: readonly string[],
  user: FuzzUser,
  path: string,
  mutation: boolean,
): LeafHint {
  const own: OrgRecords =
    user.org === "hoangliet" ? world.records.hoangliet : world.records.dinhcong;
  const other: OrgRecords =
    user.org === "hoangliet" ? world.records.dinhcong : world.records.hoangliet;
  const callers = new Set(world.users.flatMap((u) => (u.userId ? [u.userId] : [])));
  const keptOrganisations = new Set([
    world.orgs.bnv,
    world.records.dinhcong.organisation,
    world.records.hoangliet.organisation,
  ]);
  const secretHolder = user.name === "vanthu.dc" && mutation;
  const router = path.split(".")[0]!;

  const ids = (kind: IdKind, key: string): string[] => {
    switch (kind) {
      case "document":
        return [
          ...own.documents,
          ...other.documents,
          ...(secretHolder ? [] : [world.secret.documentId]),
        ];
      case "file":
        return [...own.files, ...other.files, world.secret.fileId];
      case "user": {
        const all = [...own.users, ...other.users, ...world.expendable.users];
        return mutation && router === "users" ? all.filter((id) => !callers.has(id)) : all;
      }
      case "unit":
        return mutation && router === "units"
          ? [...world.expendable.units, ...other.units]
          : [...own.units, ...other.units, ...world.expendable.units];
      case "registry":
        return [...own.registries, ...other.registries];
      case "assignment":
        return [...own.assignments, ...other.assignments];
      case "extension":
        return [...own.extensions, ...other.extensions];
      case "organisation": {
        const all = [...Object.values(world.orgs), ...world.expendable.organisations];
        const changesTarget =
          mutation && router === "orgTree" && (key === "id" || key === "sourceId");
        return changesTarget ? all.filter((id) => !keptOrganisations.has(id)) : all;
      }
    }
  };

  const allIds = [...own.documents, ...other.documents, ...own.users, ...other.users];
  const hashes = [...own.hashes, ...other.hashes, ...(secretHolder ? [] : [world.secret.sha256])];
  const m = world.secret.markers;
  const searchWords = [
    "quyet dinh",
    "phòng chống",
    // What people paste from other documents: letters and digits that normalise to punctuation.
    "Quyếtʼ định",
    "báo cáoː",
    "⑴ hộ nghèo ⑵",
    "15/QĐ-UBND",
    m.subject,
    m.notes,
    world.records.hoangliet.subjects[0]!.split(" ").at(-1)!,
    world.records.dinhcong.subjects[0]!.split(" ").at(-1)!,
  ];

  return (leaf: Leaf) => {
    if (leaf.kind === "string" && (leaf.format === "uuid" || leaf.format === "guid")) {
      const kind = idKindOf(path, leaf.key);
      return pick(kind ? ids(kind, leaf.key) : allIds);
    }
    if (leaf.kind === "number") {
      if (leaf.key === "version") return fc.integer({ min: 1, max: 4 });
      if (leaf.key === "limit") return fc.integer({ min: 1, max: 3 });
      return undefined;
    }
    switch (leaf.key) {
      case "sha256":
        return pick(hashes);
      case "cursor":
        // The first cursors of the pool are forgeries that broke a list before.
        return fc.oneof(fc.constantFrom(...cursors.slice(0, 6)), fc.constantFrom(...cursors));
      case "q":
      case "query":
      case "issuer":
        return pick(searchWords);
      case "password":
        return fc.constantFrom("MatKhauMoi2026", "LienThong@2026");
      case "username":
        return fc.stringMatching(/^[a-z][a-z0-9._-]{2,12}$/);
      case "code":
        return fc.stringMatching(ORG_CODE);
      case "fileName":
        return fc.constantFrom("van-ban.pdf", "phu-luc.docx", "A.PDF", ".pdf", "x/../y.pdf");
      case "documentDate":
        return fc.integer({ min: -30, max: 0 }).map((d) => dayFrom(d));
      case "deadline":
      case "requestedDeadline":
        return fc.integer({ min: 0, max: 60 }).map((d) => dayFrom(d));
      case "from":
        return fc.constantFrom(`${dayFrom(0).slice(0, 4)}-01-01`, dayFrom(-30));
      case "to":
        return fc.constantFrom(`${dayFrom(0).slice(0, 4)}-12-31`, dayFrom(0));
      default:
        return undefined;
    }
  };
}
