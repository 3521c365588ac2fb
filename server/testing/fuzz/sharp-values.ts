// Hand-picked inputs that have broken real systems: each is here because some layer between the
// wire and PostgreSQL is known to treat it differently from its neighbours (JSON, superjson, zod,
// JavaScript's Date, node-postgres, PostgreSQL's text, date, integer and tsquery parsers).
import fc from "fast-check";

/** A string of `n` characters, built once: the 100k-character inputs are shared, not regenerated. */
const long = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Ordered: the first ones have broken this kind of stack before, and are tried most often. */
export const sharpStrings: readonly string[] = [
  // PostgreSQL text cannot hold NUL; JSON and JavaScript can.
  "\u0000",
  // Letters and digits to Unicode that unaccent turns into tsquery syntax (' : ( )).
  "ʼ",
  "ː",
  "⑴⑵",
  // A lone surrogate: valid in a JavaScript string, not in UTF-8.
  "\ud800",
  "&|:*()<>'\"\\",
  "!",
  long("a", 100_000),
  "Quyết định\u0000số 15",
  "",
  " ",
  " \t\n\r ",
  // C0 and C1 control characters, DEL.
  "\u0001\u0007\u0008\u001b\u001f\u007f",
  "\u0080\u0085\u009f",
  "a\udfffb",
  "\udbff\udfff",
  // Direction overrides, zero-width characters, byte order mark.
  "\u202eabc\u202c\u200f\u200b\u200c\u200d\u2060\ufeff",
  // Combining marks: NFC and NFD disagree, and unaccent tables differ.
  "e\u0301\u0302\u0303\u0323",
  "Quye\u0302\u0301t đi\u0323nh",
  "Ⅻ",
  "ﬁ",
  "İı",
  // tsquery and LIKE syntax, SQL and shell quoting.
  "a & ! b",
  "a:*",
  "'a' <-> 'b'",
  "%_\\",
  "' OR 1=1 --",
  "$1",
  "${x}",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  // Words that mean something to JSON, superjson and JavaScript.
  "null",
  "undefined",
  "NaN",
  "-Infinity",
  "__proto__",
  "constructor",
  "1e308",
  "0x10",
  "-0",
  // Emoji: astral plane, joiners, flags, skin tones.
  "🇻🇳👨‍👩‍👧‍👦🏽",
  long("😀", 300),
  // Very long strings, past every column and tsvector limit.
  long("Phòng chống thiên tai ", 100_000),
  long("\u0000", 10_000),
];

export const sharpNumbers: readonly number[] = [
  // Past PostgreSQL's integer, which JavaScript's safe integers are not.
  2147483648,
  -2147483649,
  // Not representable: JavaScript rounds it, PostgreSQL would not.
  9007199254740993,
  -1,
  0,
  Number.NaN,
  2147483647,
  -2147483648,
  -0,
  1,
  0.5,
  -0.5,
  1e-7,
  4294967296,
  9007199254740991,
  -9007199254740993,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Day strings: valid-looking ones PostgreSQL or JavaScript refuse, and edges of their ranges. */
export const sharpDays: readonly string[] = [
  "0000-01-01",
  "2026-02-31",
  "9999-12-31",
  "1899-12-31",
  "2026-13-01",
  "1",
  "0001-01-01",
  "1900-01-01",
  "1970-01-01",
  "2026-02-29",
  "2024-02-29",
  "2026-00-10",
  "2026-1-1",
  "20260101",
  "10000-01-01",
  "-0001-01-01",
  "294277-01-01",
  "2026-01-01T00:00:00Z",
  "2026-01-01 00:00",
  "infinity",
  "-infinity",
  "epoch",
  "today",
  "",
];

/** Dates as superjson sends them: JavaScript's edges and an invalid one. */
export const sharpDates: readonly Date[] = [
  new Date(0),
  new Date(-62198755200000), // 0000-01-01
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(Number.NaN),
];

export const sharpUuids: readonly string[] = [
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "00000000-0000-4000-8000-000000000000",
  "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
  "00000000000040008000000000000000",
  "{00000000-0000-4000-8000-000000000000}",
  "00000000-0000-4000-8000-00000000000",
];

/** Hex digests that are well-formed and name nothing, or are almost well-formed. */
export const sharpHashes: readonly string[] = [
  "0".repeat(64),
  "f".repeat(64),
  "F".repeat(64),
  "0".repeat(63),
  "0".repeat(65),
];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Cursors a client could forge without having seen a real one. */
export const blindCursors: readonly string[] = [
  "1",
  // The clerk's box orders by a timestamp that JavaScript parses far more leniently than SQL.
  base64url(["normal", "1", "00000000-0000-4000-8000-000000000000"]),
  // Search: (arrival day, number, id); numbers past PostgreSQL's integer.
  base64url(["2026-01-01", 2147483648, "00000000-0000-4000-8000-000000000000"]),
  base64url(["to_handle", "normal", "0000-01-01", "00000000-0000-4000-8000-000000000000"]),
  base64url(["0000-01-01", 1, "00000000-0000-4000-8000-000000000000"]),
  base64url(["normal", "0000-01-01T00:00:00Z", "00000000-0000-4000-8000-000000000000"]),
  "0",
  "!!!!",
  "%%%",
  "=",
  base64url([]),
  base64url({}),
  base64url(null),
  base64url("1"),
  base64url([1]),
  base64url(["a", "b", "c", "d", "e"]),
  base64url(["to_handle", "flash", "infinity", "00000000-0000-4000-8000-000000000000"]),
  base64url(["info_unread", "normal", "2026-02-31", "00000000-0000-4000-8000-000000000000"]),
  base64url(["urgent", "2026-01-01 25:00", "00000000-0000-4000-8000-000000000000"]),
  base64url(["urgent", "294277-01-01", "00000000-0000-4000-8000-000000000000"]),
  base64url(["9999-12-31", -2147483649, "00000000-0000-4000-8000-000000000000"]),
  base64url(["infinity", 1.5, "00000000-0000-4000-8000-000000000000"]),
  Buffer.from("[".repeat(5000)).toString("base64url"),
  "A".repeat(400),
];

/**
 * Variants of a real cursor (base64url JSON array) with one field changed at a time: to another
 * type, a boundary value, or an id from elsewhere. A real cursor's shape passes the first checks,
 * so these reach the SQL behind them.
 */
export function forgeCursors(real: string, ids: readonly string[]): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(real, "base64url").toString("utf8"));
  } catch {
    return [];
  }
  if (!Array.isArray(key)) return [];
  const replacements: unknown[] = [
    null,
    1,
    "1",
    "",
    2147483648,
    -1,
    "0000-01-01",
    "infinity",
    "2026-02-31",
    "\u0000",
    [],
    ...ids.slice(0, 6),
  ];
  const forged: string[] = [];
  key.forEach((_, i) => {
    for (const r of replacements) forged.push(base64url(key.map((v, j) => (j === i ? r : v))));
  });
  forged.push(base64url([...key, 1]), base64url(key.slice(0, -1)));
  return forged;
}

/** Deep nesting: recursive walkers (superjson, zod, our serializer) meet their stack limit. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** Values of the wrong type for any field, including huge and deep ones. */
export const wrongTypeValues: readonly unknown[] = [
  null,
  true,
  false,
  0,
  "",
  "x",
  [],
  {},
  [null],
  { length: 1 },
  // An own "__proto__" key, as JSON.parse makes it (an object literal would set the prototype).
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  new Date(0),
  Array.from({ length: 10_000 }, (_, i) => i),
  Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
  deeplyNested(100),
  deeplyNested(2_000),
];

export const sharpString = () => fc.constantFrom(...sharpStrings);
export const wrongType = () => fc.constantFrom(...wrongTypeValues);
