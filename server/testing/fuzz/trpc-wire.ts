// tRPC requests as the browser's client sends them (superjson over GET for queries, POST for
// mutations), and malformed ones no client would send, for the real fetch handler.
import fc from "fast-check";
import superjson from "superjson";
import { deeplyNested } from "./sharp-values";

export const ORIGIN = "http://localhost:3000";

export type ProcedureType = "query" | "mutation" | "subscription";

/** What a client could put in the Cookie header: the locale, odd ones, and nothing. */
export const cookieArbitrary = fc.constantFrom(
  "",
  "NEXT_LOCALE=vi",
  "NEXT_LOCALE=en",
  "NEXT_LOCALE=xx",
  "NEXT_LOCALE=%E0%A4%A",
  "NEXT_LOCALE=; NEXT_LOCALE=en",
  "a=b; NEXT_LOCALE=vi; c",
);

/**
 * superjson's encoding, as the client sends it. What superjson's client refuses to encode (too
 * deep for its recursive walk, an own `__proto__` key) goes as the plain JSON a hand-written
 * client would send: the server must cope with it all the same.
 */
function serialize(input: unknown): unknown {
  try {
    return superjson.serialize(input);
  } catch {
    return { json: input };
  }
}

/** The call as the client sends it; returns the request and its text, to compare answers with. */
export function procedureRequest(
  path: string,
  type: ProcedureType,
  input: unknown,
  cookie: string,
): { request: Request; text: string } {
  const encoded = JSON.stringify(serialize(input));
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  if (type === "mutation") {
    return {
      request: new Request(`${ORIGIN}/api/trpc/${path}`, {
        method: "POST",
        headers,
        body: encoded,
      }),
      text: encoded,
    };
  }
  const url = `${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(encoded)}`;
  return { request: new Request(url, { headers }), text: encoded };
}

const superjsonShaped = (json: unknown, meta: unknown) => JSON.stringify({ json, meta });

/**
 * Bodies no client of ours sends: not JSON, JSON that is not superjson's shape, superjson with
 * annotations that name types or paths that are not there, and nesting deep enough to exhaust a
 * recursive parser.
 */
const rawBodies: readonly string[] = [
  "",
  "not json",
  "{",
  "[]",
  "null",
  "1",
  '"x"',
  '{"json":',
  '{"a":1}',
  '{"json":{"a":1},"meta":1}',
  superjsonShaped({ a: "x" }, { values: { a: ["Date"] } }),
  superjsonShaped({ a: "x" }, { values: { a: ["bigint"] } }),
  superjsonShaped({ a: "x" }, { values: { a: ["regexp"] } }),
  superjsonShaped({ a: "x" }, { values: { a: [["custom", "nope"]] } }),
  superjsonShaped({ a: "x" }, { values: { a: [["class", "Nope"]] } }),
  superjsonShaped({ a: [1] }, { values: { a: ["set"] } }),
  superjsonShaped({ a: 1 }, { values: { "a.b.c": ["undefined"] } }),
  superjsonShaped({}, { values: { "__proto__.polluted": ["undefined"] } }),
  superjsonShaped({ a: {} }, { values: { "a.__proto__": ["map"] } }),
  superjsonShaped({ a: 1, b: 2 }, { referentialEqualities: { a: ["b"] } }),
  superjsonShaped({ a: 1 }, { referentialEqualities: { "a.x.y": ["b.c"] } }),
  superjsonShaped("x", { values: ["Date"] }),
  superjsonShaped(null, { values: ["undefined"], v: 99 }),
  `{"json":${"[".repeat(20_000)}${"]".repeat(20_000)}}`,
  JSON.stringify({ json: deeplyNested(3_000) }),
  `{"json":"${"a".repeat(2_000_000)}"}`,
];

export const rawBodyArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...rawBodies), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 3 }))
      .map(([json, meta]) => superjsonShaped(json, meta)),
    weight: 1,
  },
);

/** How a raw body travels: as the procedure's method expects, the wrong one, batched, or astray. */
export type RawShape = "native" | "wrong-method" | "batch" | "bad-path" | "text-plain";
export const rawShapeArbitrary = fc.constantFrom<RawShape>(
  "native",
  "native",
  "wrong-method",
  "batch",
  "bad-path",
  "text-plain",
);

export function rawProcedureRequest(
  path: string,
  type: ProcedureType,
  body: string,
  shape: RawShape,
): Request {
  const asPost = (type === "mutation") !== (shape === "wrong-method");
  const target =
    shape === "bad-path"
      ? `${path}.x,${path}/../${path}`
      : shape === "batch"
        ? `${path},${path}`
        : path;
  const batch = shape === "batch" ? "batch=1&" : "";
  const sent = shape === "batch" ? `{"0":${body || "null"},"1":${body || "null"}}` : body;
  const headers = { "content-type": shape === "text-plain" ? "text/plain" : "application/json" };
  if (asPost) {
    return new Request(`${ORIGIN}/api/trpc/${target}${batch ? "?batch=1" : ""}`, {
      method: "POST",
      headers,
      body: sent,
    });
  }
  return new Request(`${ORIGIN}/api/trpc/${target}?${batch}input=${encodeURIComponent(sent)}`, {
    headers,
  });
}
