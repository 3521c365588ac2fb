// "Near valid" inputs: a valid value with one or two places spoilt. Spoiling exactly a few
// places, rather than each leaf with some probability, keeps the rest valid, so the spoilt value
// gets past the other fields' checks and reaches the code (and the SQL) behind them. What a leaf
// is spoilt with depends on what it holds: a day gets impossible days, an id foreign or malformed
// ids, a cursor forged cursors, a number the integers PostgreSQL refuses, text the characters
// PostgreSQL and the search parser refuse.
import fc from "fast-check";
import {
  sharpDates,
  sharpDays,
  sharpHashes,
  sharpNumbers,
  sharpStrings,
  sharpUuids,
  wrongTypeValues,
} from "./sharp-values";

type Path = (string | number)[];
type Site = { path: Path; value: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Every place of a value: leaves (text, numbers, booleans, null, dates) and containers. */
function sitesOf(
  value: unknown,
  path: Path = [],
  out = { leaves: [] as Site[], containers: [] as Site[] },
) {
  if (Array.isArray(value)) {
    out.containers.push({ path, value });
    value.forEach((v, i) => sitesOf(v, [...path, i], out));
  } else if (isPlainObject(value)) {
    out.containers.push({ path, value });
    for (const [k, v] of Object.entries(value)) sitesOf(v, [...path, k], out);
  } else if (value !== undefined) {
    out.leaves.push({ path, value });
  }
  return out;
}

/** A copy of `value` with `replacement` at `path` (undefined removes an object's key). */
function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = setAt(copy[head as string], rest, replacement);
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{64}$/;

/** The sharp values that fit what a leaf holds, the most telling first. */
function sharpFor(site: Site, cursors: readonly string[]): readonly unknown[] {
  const key = site.path.findLast((p) => typeof p === "string");
  const v = site.value;
  if (key === "cursor" && typeof v === "string") return cursors;
  if (typeof v === "string") {
    if (DAY.test(v)) return [...sharpDays, ...sharpDates];
    if (UUID.test(v)) return [...sharpUuids, "1", ""];
    if (HASH.test(v)) return sharpHashes;
    return sharpStrings;
  }
  if (typeof v === "number") return [...sharpNumbers, ...numberLikeStrings];
  if (v instanceof Date) return sharpDates;
  return wrongTypeValues;
}

/** Numbers as a careless client sends them: as text. */
const numberLikeStrings = ["1", "NaN", "-0", "1e400", "0x10", " 1 "];

const ODD_KEYS = ["__proto__", "constructor", "organisationId", "x"];

/** A change to a container: the wrong type, a key dropped or added, too many elements. */
function spoilContainer(site: Site, pick: number): unknown {
  const v = site.value;
  switch (pick % 4) {
    case 0:
      return wrongTypeValues[pick % wrongTypeValues.length];
    case 1: {
      if (Array.isArray(v)) return v.slice(1);
      const keys = Object.keys(v as object);
      return keys.length > 0 ? setAt(v, [keys[pick % keys.length]!], undefined) : { x: 1 };
    }
    case 2:
      return Array.isArray(v)
        ? [...v, ...v, null]
        : { ...(v as object), ...JSON.parse(`{"${ODD_KEYS[pick % ODD_KEYS.length]}": 1}`) };
    default:
      return Array.isArray(v) && v.length > 0 ? Array.from({ length: 5_000 }, () => v[0]) : [v];
  }
}

/**
 * One spoilt place: `kind` 0–7 puts a sharp value in a leaf, 8 the wrong type in a leaf, 9
 * changes a container. `site` and `pick` choose where and what; all three shrink towards 0, so
 * a shrunk counterexample has its one sharp leaf, and the most telling sharp value for it.
 */
type Spoil = { kind: number; site: number; pick: number };

function spoil(value: unknown, s: Spoil, cursors: readonly string[]): unknown {
  const { leaves, containers } = sitesOf(value);
  if (s.kind === 9 || leaves.length === 0) {
    if (containers.length === 0) return wrongTypeValues[s.pick % wrongTypeValues.length];
    const site = containers[s.site % containers.length]!;
    return setAt(value, site.path, spoilContainer(site, s.pick));
  }
  const site = leaves[s.site % leaves.length]!;
  const pool = s.kind === 8 ? wrongTypeValues : sharpFor(site, cursors);
  return setAt(value, site.path, pool[s.pick % pool.length]);
}

const spoilArbitrary: fc.Arbitrary<Spoil> = fc.record({
  kind: fc.integer({ min: 0, max: 9 }),
  site: fc.nat({ max: 1000 }),
  // The first values of each pool are the ones that broke something before: chosen more often.
  pick: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 7 }), weight: 2 },
    { arbitrary: fc.nat({ max: 1000 }), weight: 2 },
  ),
});

/** A valid value with one place spoilt, sometimes two. */
export const nearValid = (valid: fc.Arbitrary<unknown>, cursors: readonly string[]) =>
  fc
    .tuple(valid, fc.array(spoilArbitrary, { minLength: 1, maxLength: 2 }))
    .map(([value, spoils]) => spoils.reduce((v, s) => spoil(v, s, cursors), value));
