import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeOutput } from "./transformer";

const samples: Record<string, unknown> = {
  "a page of an inbox": {
    items: [
      {
        id: "0b6a…",
        subject: "Về việc phòng, chống lụt bão",
        registeredAt: new Date("2026-11-20T02:03:04.005Z"),
        deadline: "2026-11-25",
        urgency: "flash",
        pageCount: 3,
        overdue: false,
        signer: null,
        note: undefined,
      },
      { id: "2", registeredAt: new Date(0), tags: ["a", 1, null, undefined, new Date(5)] },
    ],
    nextCursor: null,
  },
  "keys with dots and backslashes": { "a.b": { "c\\d": new Date(7) }, "": 1 },
  "an empty object and array": { a: {}, b: [] },
  "nested arrays": [[1, 2], [[new Date(9)]]],
  "a map": { m: new Map([["k", 1]]) },
  "a set": { s: new Set([1]) },
  "a bigint": { n: 12n },
  "non-finite numbers": { a: Number.NaN, b: Infinity, c: -0 },
  "an invalid date": { d: new Date(Number.NaN) },
  "a class instance": { e: new Error("x") },
  "a shared object": (() => {
    const shared = { x: 1 };
    return { a: shared, b: shared };
  })(),
  "a shared date": (() => {
    const now = new Date(11);
    return { createdAt: now, updatedAt: now };
  })(),
  "a string": "ok",
  "a date": new Date(3),
  null: null,
  undefined: undefined,
  "a number": 42,
};

describe("the answers' wire format", () => {
  const overTheWire = (serialized: unknown) =>
    superjson.deserialize(
      JSON.parse(JSON.stringify(serialized)) as Parameters<typeof superjson.deserialize>[0],
    );

  it.each(Object.entries(samples))("%s reads back as superjson would give it", (_name, value) => {
    expect(overTheWire(serializeOutput(value))).toEqual(overTheWire(superjson.serialize(value)));
  });

  it("gives plain data and dates back as they were", () => {
    const value = samples["a page of an inbox"];
    expect(overTheWire(serializeOutput(value))).toEqual(value);
  });

  it("writes exactly what superjson writes for plain data with dates", () => {
    const page = { items: [{ id: "1", at: new Date(1), tags: ["a", new Date(2), null] }] };
    for (const value of [
      page,
      samples["keys with dots and backslashes"],
      samples["nested arrays"],
    ]) {
      expect(JSON.stringify(serializeOutput(value))).toBe(
        JSON.stringify(superjson.serialize(value)),
      );
    }
  });

  it("leaves out an undefined property, where superjson writes null, and both read back alike", () => {
    const text = JSON.stringify(serializeOutput({ a: 1, note: undefined }));
    expect(JSON.parse(text)).toEqual({
      json: { a: 1 },
      meta: { values: { note: ["undefined"] }, v: 1 },
    });
    expect(Object.hasOwn(overTheWire(JSON.parse(text)) as object, "note")).toBe(true);
  });

  it("hands the answer on without copying it", () => {
    const answer = { items: [{ at: new Date(1), n: 1 }] };
    expect((serializeOutput(answer) as { json: unknown }).json).toBe(answer);
  });

  it("leaves a date with a toJSON of its own to superjson", () => {
    const odd = new Date(1);
    Object.defineProperty(odd, "toJSON", { value: () => "not a time" });
    expect(overTheWire(serializeOutput({ odd }))).toEqual({ odd: new Date(1) });
  });

  it("leaves a cycle to superjson", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const back = superjson.deserialize<typeof a>(
      JSON.parse(JSON.stringify(serializeOutput(a))) as Parameters<typeof superjson.deserialize>[0],
    );
    expect(back.self).toBe(back);
  });
});
