// fast-check arbitraries read off a zod 4 schema, so that every procedure is fuzzed from its own
// input schema and a new field is fuzzed without anyone writing a generator for it. The walker
// makes values of the schema's shape (refinements aside); near-valid.ts then spoils a place.
import fc from "fast-check";
import { nearValid } from "./near-valid";
import { wrongType } from "./sharp-values";

/**
 * The part of zod 4's internals this walker reads (`schema._zod.def`). zod's own def types are a
 * wide union that changes between minor versions; reading through this narrow view keeps the
 * walker compiling, and an unknown node type falls back to random JSON.
 */
type ZodNode = { _zod: { def: Def } };
type Def = { type: string; checks?: ZodCheck[]; [field: string]: unknown };
type ZodCheck = { _zod: { def: { check: string; [field: string]: unknown } } };

/** A leaf the walker is about to generate, for hints that know better values for it. */
export type Leaf = {
  /** The nearest object key above the leaf ("documentId", "cursor", "q" ...). */
  key: string;
  kind: "string" | "number";
  /** zod's string format: "uuid", "date", "email", "regex" ... */
  format?: string;
};

/** Better values for a leaf (real ids, real cursors, hashes of real files), or undefined. */
export type LeafHint = (leaf: Leaf) => fc.Arbitrary<unknown> | undefined;

/** `lazyDepth`: how many recursive (lazy) schemas deep the walk is. */
type Walk = { key: string; hint: LeafHint; lazyDepth?: number };

const MAX_LAZY_DEPTH = 3;

const defOf = (schema: unknown): Def => (schema as ZodNode)._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The hint's values three times out of four, the walker's own otherwise. */
function hinted(w: Walk, leaf: Omit<Leaf, "key">, base: fc.Arbitrary<unknown>) {
  const hint = w.hint({ ...leaf, key: w.key });
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: base, weight: 1 }) : base;
}

const words = [
  "Quyết định",
  "Công văn",
  "về việc",
  "phòng chống thiên tai",
  "báo cáo",
  "Ủy ban nhân dân",
  "phường Định Công",
  "15/QĐ-UBND",
  "hộ nghèo",
  "giao ban",
];

/** Text a clerk would type: Vietnamese words, ASCII, or any Unicode. */
const plainText = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 },
);

/** Fits a generated text into the schema's length bounds, so that it stays valid. */
const fit = (s: unknown, min: number, max: number) => {
  const text = Array.isArray(s) ? s.join(" ") : String(s);
  const padded = text.length < min ? text + "x".repeat(min - text.length) : text;
  return padded.slice(0, max);
};

const day = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringArbitrary(def: Def, w: Walk): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const format = typeof def.format === "string" ? def.format : undefined;
  const min = Number(checks.find((c) => c.check === "min_length")?.minimum ?? 0);
  const max = Number(checks.find((c) => c.check === "max_length")?.maximum ?? 200);
  const regex = checks.find((c) => c.check === "string_format" && c.format === "regex")?.pattern;
  if (format === "uuid" || format === "guid")
    return hinted(w, { kind: "string", format }, fc.uuid());
  if (format === "date") return hinted(w, { kind: "string", format }, day);
  if (format === "email") return hinted(w, { kind: "string", format }, fc.emailAddress());
  if (regex instanceof RegExp) {
    return hinted(
      w,
      { kind: "string", format: "regex" },
      fc.stringMatching(new RegExp(regex.source)),
    );
  }
  return hinted(
    w,
    { kind: "string", format },
    plainText.map((s) => fit(s, min, max)),
  );
}

function numberArbitrary(def: Def, w: Walk): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const integer =
    def.format === "safeint" ||
    def.format === "int32" ||
    checks.some((c) => c.check === "number_format" && c.format !== "float64");
  let lo = -1000;
  let hi = 1000;
  for (const c of checks) {
    const value = Number(c.value);
    const inclusive = c.inclusive === true;
    if (c.check === "greater_than") lo = inclusive ? value : value + (integer ? 1 : 1e-9);
    if (c.check === "less_than") hi = inclusive ? value : value - (integer ? 1 : 1e-9);
  }
  hi = Math.min(hi, lo + 100_000);
  const base = integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return hinted(w, { kind: "number" }, base);
}

function objectArbitrary(def: Def, w: Walk): fc.Arbitrary<unknown> {
  const shape = (def.shape ?? {}) as Record<string, unknown>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, child] of Object.entries(shape)) {
    model[key] = walk(child, { ...w, key });
    if (!mayBeAbsent(child)) required.push(key);
  }
  return fc.record(model, { requiredKeys: required });
}

function arrayArbitrary(def: Def, w: Walk): fc.Arbitrary<unknown> {
  // A recursive schema (a rich-text body) ends in empty lists a few levels down.
  if (defOf(def.element).type === "lazy" && (w.lazyDepth ?? 0) >= MAX_LAZY_DEPTH) {
    return fc.constant([]);
  }
  const checks = checksOf(def);
  const min = Number(checks.find((c) => c.check === "min_length")?.minimum ?? 0);
  const max = Number(checks.find((c) => c.check === "max_length")?.maximum ?? 5);
  return fc.array(walk(def.element, w), { minLength: min, maxLength: Math.min(max, min + 3) });
}

/** Whether an object key of this schema may be left out (optional, or with a default). */
function mayBeAbsent(schema: unknown): boolean {
  const def = defOf(schema);
  if (def.type === "optional" || def.type === "default" || def.type === "prefault") return true;
  if (def.type === "pipe") return mayBeAbsent(def.in);
  return false;
}

function walk(schema: unknown, w: Walk): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return objectArbitrary(def, w);
    case "string":
      return stringArbitrary(def, w);
    case "number":
    case "int":
      return numberArbitrary(def, w);
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "array":
      return arrayArbitrary(def, w);
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((o) => walk(o, w)));
    case "intersection":
      return fc
        .tuple(walk(def.left, w), walk(def.right, w))
        .map(([a, b]) => (isObject(a) && isObject(b) ? { ...a, ...b } : a));
    case "optional":
    case "default":
    case "prefault":
      return fc.option(walk(def.innerType, w), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(walk(def.innerType, w), { nil: null, freq: 4 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(def.innerType, w);
    case "pipe":
      // The input side is what the client sends; the output side is the transform's.
      return walk(def.in, w);
    case "lazy":
      return walk((def.getter as () => unknown)(), { ...w, lazyDepth: (w.lazyDepth ?? 0) + 1 });
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), walk(def.valueType, w), { maxKeys: 3 });
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((i) => walk(i, w)));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    default:
      // any, unknown, transform, custom ...: nothing to read the shape from.
      return fc.jsonValue();
  }
}

/** Values of the schema's shape; refinements (a password's rule, a range's order) aside. */
export const validArbitrary = (schema: unknown, hint: LeafHint) => walk(schema, { key: "", hint });

type Parser = { safeParse: (value: unknown) => { success: boolean } };

/**
 * Of a few values of the schema's shape, the first that also passes its refinements (exactly one
 * main file, a range in order, a date not in the future ...), which the walker cannot read. A
 * valid input reaches the service; spoiling one place of it then reaches the service's SQL.
 */
function parseableArbitrary(schema: unknown, shaped: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const parser = schema as Partial<Parser>;
  if (typeof parser.safeParse !== "function") return shaped;
  const parses = (v: unknown) => (schema as Parser).safeParse(v).success;
  return fc
    .array(shaped, { minLength: 6, maxLength: 6 })
    .map((candidates) => candidates.find(parses) ?? candidates[0]);
}

/**
 * Every input a procedure is fuzzed with: mostly near valid (one or a few leaves spoilt), some
 * valid (to reach the deepest code), some random JSON, and nothing at all. `schema` is undefined
 * for a procedure without input, which must still refuse whatever it is sent.
 */
export function procedureInputArbitrary(
  schema: unknown,
  hint: LeafHint,
  cursors: readonly string[],
): fc.Arbitrary<unknown> {
  const noise = [
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: wrongType(), weight: 1 },
  ];
  if (schema === undefined) {
    return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, ...noise);
  }
  const valid = parseableArbitrary(schema, validArbitrary(schema, hint));
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: valid, weight: 3 },
    { arbitrary: nearValid(valid, cursors), weight: 15 },
    ...noise,
  );
}
