import superjson from "superjson";

/**
 * superjson's wire format, written fast for what the services return: plain objects and arrays
 * of strings, numbers, booleans, nulls, undefined and Dates. superjson itself walks every value
 * through its registry of types and copies the answer, which costs more than the database query
 * behind a 50-row list; this only walks it, noting where the Dates and undefineds are, and hands
 * the answer itself on as `json`: `JSON.stringify` writes a Date as `toISOString` gives it, drops
 * an undefined property and writes an undefined array item as null, which is what superjson
 * writes. Anything else (Map, Set, BigInt, class instances, non-finite numbers, shared
 * references …) goes to superjson. The browser reads both with `superjson.deserialize`.
 */
export function serializeOutput(value: unknown): unknown {
  const values: Record<string, [string]> = {};
  const seen = new Set<object>();
  // The path to the value being written, as escaped segments; joined only when a value needs
  // an annotation, which most never do.
  const path: string[] = [];
  const escape = (key: string) =>
    key.includes(".") || key.includes("\\")
      ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.")
      : key;
  const note = (type: string) => (values[path.join(".")] = [type]);

  const walk = (v: unknown): void => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (Number.isFinite(v) && !Object.is(v, -0)) return;
        throw fallback;
      case "undefined":
        note("undefined");
        return;
      case "object": {
        if (v === null) return;
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime()) || Object.hasOwn(v, "toJSON")) throw fallback;
          note("Date");
          return;
        }
        // superjson keeps shared references shared (and cycles finite); let it handle them.
        if (seen.has(v)) throw fallback;
        seen.add(v);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            if (!(i in v)) throw fallback;
            path.push(String(i));
            walk(v[i]);
            path.pop();
          }
          return;
        }
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) throw fallback;
        if (Object.getOwnPropertySymbols(v).length > 0) throw fallback;
        for (const key of Object.keys(v)) {
          if (key === "__proto__") throw fallback;
          path.push(escape(key));
          walk((v as Record<string, unknown>)[key]);
          path.pop();
        }
        return;
      }
      default:
        throw fallback;
    }
  };

  // The root itself carries no path: anything but a plain object or array goes to superjson.
  if (typeof value !== "object" || value === null || value instanceof Date) {
    return superjson.serialize(value);
  }
  try {
    walk(value);
  } catch (error) {
    if (error !== fallback) throw error;
    return superjson.serialize(value);
  }
  return Object.keys(values).length === 0
    ? { json: value }
    : { json: value, meta: { values, v: 1 } };
}

const fallback = new Error("superjson");

/** Inputs arrive through superjson; answers leave through `serializeOutput`. */
export const transformer = {
  input: superjson,
  output: {
    serialize: serializeOutput,
    deserialize: (data: unknown) =>
      superjson.deserialize(data as Parameters<typeof superjson.deserialize>[0]),
  },
};
