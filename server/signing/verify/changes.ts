// Compares two consecutive revisions object by object and judges every difference with the rule
// table. Objects the later cross-reference does not redefine are unchanged by construction, so
// only redefined, added and freed object numbers are read.
import { type Level, judge, type Ruling, type Text } from "./change-rules";
import { type PdfFile, type Revision, type XrefEntry } from "./pdf-file";
import { type Role, type Structure } from "./pdf-structure";
import { sameObject } from "./pdf-syntax";

export type Change = {
  /** Index of the revision that made the change. */
  revision: number;
  num: number;
  allowed: boolean;
  levels: Level[];
  /** Fields the change fills in, for FieldMDP locks. */
  fields: string[];
  what: Text;
};

function sameEntry(a: XrefEntry | undefined, b: XrefEntry | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.type !== b.type) return false;
  if (a.type === "used" && b.type === "used") return a.offset === b.offset && a.gen === b.gen;
  if (a.type === "compressed" && b.type === "compressed")
    return a.stream === b.stream && a.index === b.index;
  return true;
}

const inUse = (e: XrefEntry | undefined) => e !== undefined && e.type !== "free";
const genOf = (e: XrefEntry | undefined) => (e?.type === "used" ? e.gen : 0);

export function changesBetween(
  file: PdfFile,
  before: Revision,
  after: Revision,
  beforeStructure: Structure,
  afterStructure: Structure,
): Change[] {
  const out: Change[] = [];
  const structural = (what: Text): Change => ({
    revision: after.index,
    num: 0,
    allowed: false,
    levels: [],
    fields: [],
    what,
  });
  if (!sameObject(file.buf, before.trailer.get("Root"), after.trailer.get("Root"))) {
    out.push(
      structural({
        vi: "mục lục gốc của văn bản bị thay",
        en: "the document catalog was replaced",
      }),
    );
  }
  if (!sameObject(file.buf, before.trailer.get("Encrypt"), after.trailer.get("Encrypt"))) {
    out.push(
      structural({ vi: "cách mã hóa văn bản bị đổi", en: "the encryption dictionary changed" }),
    );
  }
  const numbers = new Set([...before.entries.keys(), ...after.entries.keys()]);
  for (const num of numbers) {
    if (num === 0) continue;
    const eb = before.entries.get(num);
    const ea = after.entries.get(num);
    if (sameEntry(eb, ea) || (!inUse(eb) && !inUse(ea))) continue;
    const old = inUse(eb) ? file.object(before, num) : null;
    const now = inUse(ea) ? file.object(after, num) : null;
    let change: "added" | "modified" | "removed";
    if (inUse(eb) && inUse(ea)) {
      if (genOf(eb) !== genOf(ea)) {
        out.push({
          ...structural({
            vi: `đối tượng ${num} bị dùng lại với số thế hệ khác`,
            en: `object ${num} was reused with another generation`,
          }),
          num,
        });
        continue;
      }
      if (old && now && sameObject(file.buf, old.value, now.value)) continue;
      change = "modified";
    } else change = inUse(ea) ? "added" : "removed";

    let roles: Role[] | undefined;
    if (change === "added") roles = afterStructure.roles.get(num);
    else
      roles =
        beforeStructure.roles.get(num) ??
        (change === "modified" ? afterStructure.roles.get(num) : undefined);
    if (!roles || roles.length === 0) roles = [{ kind: "unreferenced" }];

    const rulings: [Role, Ruling][] = roles.map((role) => [
      role,
      judge({
        file,
        before,
        after,
        beforeStructure,
        afterStructure,
        num,
        role,
        change,
        old: old?.value ?? null,
        now: now?.value ?? null,
      }),
    ]);
    const refusal = rulings.find(([, r]) => !r.allowed);
    const fields = roles.flatMap((r) =>
      r.field !== undefined && ["field", "appearance", "field-value"].includes(r.kind)
        ? [r.field]
        : [],
    );
    if (refusal && !refusal[1].allowed) {
      out.push({
        revision: after.index,
        num,
        allowed: false,
        levels: [],
        fields,
        what: refusal[1].what,
      });
    } else {
      const levels = [...new Set(rulings.flatMap(([, r]) => (r.allowed ? r.levels : [])))];
      const verb = { added: "thêm", modified: "sửa", removed: "xóa" }[change];
      out.push({
        revision: after.index,
        num,
        allowed: true,
        levels,
        fields,
        what: { vi: `${verb} đối tượng ${num}`, en: `${change} object ${num}` },
      });
    }
  }
  return out;
}
