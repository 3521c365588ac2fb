// What a signature lets come after it: the certification signature's DocMDP level and the
// FieldMDP locks of signatures made so far, applied to the changes of later revisions.
import { type Level, permittedLevels, type Text } from "./change-rules";
import { type Change } from "./changes";
import { type PdfFile, type Revision } from "./pdf-file";
import { type Structure } from "./pdf-structure";
import { decodeTextString, type PdfDict } from "./pdf-syntax";

type Lock = { action: "All" | "Include" | "Exclude"; fields: string[]; by: string };

function transformParams(
  file: PdfFile,
  rev: Revision,
  sig: PdfDict,
  method: string,
): PdfDict | null {
  const refs = file.resolve(rev, sig.get("Reference"));
  if (refs.t !== "array") return null;
  for (const item of refs.v) {
    const ref = file.dict(rev, item);
    const m = ref ? file.resolve(rev, ref.get("TransformMethod")) : null;
    if (ref && m?.t === "name" && m.v === method)
      return file.dict(rev, ref.get("TransformParams")) ?? new Map();
  }
  return null;
}

/** DocMDP /P of the certification signature in force at `rev`, or null when there is none. */
export function docMdpLevel(file: PdfFile, rev: Revision, structure: Structure): number | null {
  if (structure.certification === null) return null;
  const sig = file.dict(rev, structure.certification);
  if (!sig) return null;
  const params = transformParams(file, rev, sig, "DocMDP");
  const p = params ? file.resolve(rev, params.get("P")) : null;
  return p?.t === "num" && [1, 2, 3].includes(p.v) ? p.v : 2;
}

function readLock(file: PdfFile, rev: Revision, d: PdfDict | null, by: string): Lock | null {
  if (!d) return null;
  const action = file.resolve(rev, d.get("Action"));
  if (action.t !== "name" || !["All", "Include", "Exclude"].includes(action.v)) return null;
  const list = file.resolve(rev, d.get("Fields"));
  const fields =
    list.t === "array" ? list.v.flatMap((f) => (f.t === "str" ? [decodeTextString(f.v)] : [])) : [];
  return { action: action.v as Lock["action"], fields, by };
}

/** FieldMDP locks of every signed field in `rev`: the field's /Lock and its signature's FieldMDP reference. */
export function fieldLocks(file: PdfFile, rev: Revision, structure: Structure): Lock[] {
  const locks: Lock[] = [];
  for (const field of structure.fields) {
    const sig = file.dict(rev, field.dict.get("V"));
    if (!sig) continue;
    const fromField = readLock(file, rev, file.dict(rev, field.dict.get("Lock")), field.name);
    const fromSig = readLock(file, rev, transformParams(file, rev, sig, "FieldMDP"), field.name);
    for (const lock of [fromField, fromSig]) if (lock) locks.push(lock);
  }
  return locks;
}

function covers(lock: Lock, field: string): boolean {
  const named = lock.fields.some((f) => field === f || field.startsWith(`${f}.`));
  return lock.action === "All" || (lock.action === "Include" ? named : !named);
}

const levelText: Record<Level, Text> = {
  lta: {
    vi: "thêm dữ liệu kiểm tra chữ ký hoặc dấu thời gian",
    en: "validation data or a document timestamp",
  },
  signing: { vi: "thêm chữ ký", en: "a later signature" },
  "new-signature-field": { vi: "thêm ô chữ ký ẩn", en: "a new invisible signature field" },
  "new-visible-signature-field": { vi: "thêm ô chữ ký", en: "a new signature field" },
  "form-filling": { vi: "điền biểu mẫu", en: "form filling" },
  annotations: { vi: "thêm chú thích", en: "comments (annotations)" },
};

export type Judgement = { refused: Text[]; allowedKinds: Text[] };

/** Applies DocMDP and FieldMDP to the changes made after a signature. */
export function judgeLaterChanges(
  changes: Change[],
  docMdp: number | null,
  locks: Lock[],
): Judgement {
  const permitted = permittedLevels(docMdp);
  const refused: Text[] = [];
  const allowedLevels = new Set<Level>();
  for (const change of changes) {
    if (!change.allowed) {
      refused.push(change.what);
      continue;
    }
    const forbidden = change.levels.filter((l) => !permitted.has(l));
    if (forbidden.length > 0) {
      const what = levelText[forbidden[0]!];
      refused.push({
        vi: `${what.vi} không được phép theo chữ ký chứng nhận (P=${docMdp}) (đối tượng ${change.num})`,
        en: `${what.en} is not permitted by the certification signature (P=${docMdp}) (object ${change.num})`,
      });
      continue;
    }
    if (change.levels.includes("form-filling")) {
      const lock = locks.find((l) => change.fields.some((f) => covers(l, f)));
      if (lock) {
        const field = change.fields.find((f) => covers(lock, f));
        refused.push({
          vi: `trường "${field}" đã bị khóa bởi chữ ký "${lock.by}" (đối tượng ${change.num})`,
          en: `field "${field}" is locked by signature "${lock.by}" (object ${change.num})`,
        });
        continue;
      }
    }
    for (const l of change.levels) allowedLevels.add(l);
  }
  const unique = [...new Map(refused.map((t) => [t.en, t])).values()];
  return { refused: unique, allowedKinds: [...allowedLevels].map((l) => levelText[l]) };
}
