import superjson from "superjson";

/**
 * superjson's wire format, written fast for what the services return: plain objects and arrays
 * of strings, numbers, booleans, nulls, undefined and Dates. superjson itself walks every value
 * through its registry of types, which costs more than the database query behind a 50-row list;
 * this writes the same `{ json, meta: { values, v: 1 } }` in one pass, and hands anything else
 * (Map, Set, BigInt, class instances, non-finite numbers, shared references …) to superjson.
 * The browser reads both with `superjson.deserialize`.
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

  const walk = (v: unknown): unknown => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (Number.isFinite(v) && !Object.is(v, -0)) return v;
        throw fallback;
      case "undefined":
        note("undefined");
        return null;
      case "object": {
        if (v === null) return null;
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime())) throw fallback;
          note("Date");
          return v.toISOString();
        }
        // superjson keeps shared references shared (and cycles finite); let it handle them.
        if (seen.has(v)) throw fallback;
        seen.add(v);
        if (Array.isArray(v)) {
          const out = new Array<unknown>(v.length);
          for (let i = 0; i < v.length; i++) {
            if (!(i in v)) throw fallback;
            path.push(String(i));
            out[i] = walk(v[i]);
            path.pop();
          }
          return out;
        }
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) throw fallback;
        if (Object.getOwnPropertySymbols(v).length > 0) throw fallback;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(v)) {
          if (key === "__proto__") throw fallback;
          path.push(escape(key));
          out[key] = walk((v as Record<string, unknown>)[key]);
          path.pop();
        }
        return out;
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
    const json = walk(value);
    return Object.keys(values).length === 0 ? { json } : { json, meta: { values, v: 1 } };
  } catch (error) {
    if (error !== fallback) throw error;
    return superjson.serialize(value);
  }
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
