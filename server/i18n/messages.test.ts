import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";

type Tree = { [key: string]: string | Tree };

/** Every message as `path → text`. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of flatten(value, path)) out.set(p, v);
  }
  return out;
}

/** The values a message is given: its arguments, selects and plurals, at any depth. */
function argumentsOf(message: string): string {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type !== TYPE.literal && "value" in e && typeof e.value === "string") {
        names.add(e.value);
      }
      if ("options" in e) for (const o of Object.values(e.options)) walk(o.value);
      if ("children" in e) walk(e.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort().join();
}

describe("the Vietnamese and English messages", () => {
  const viMessages = flatten(vi as Tree);
  const enMessages = flatten(en as Tree);

  it("have the same keys", () => {
    expect([...enMessages.keys()].sort()).toEqual([...viMessages.keys()].sort());
  });

  it("take the same values in each message", () => {
    const differ = [...viMessages].filter(
      ([key, text]) =>
        enMessages.has(key) && argumentsOf(text) !== argumentsOf(enMessages.get(key)!),
    );
    expect(differ.map(([key]) => key)).toEqual([]);
  });
});
