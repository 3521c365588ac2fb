import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import { permissions } from "./permissions";

// Refusals and the home page name a permission in words: every action needs them in both languages.
describe("every permission has its words", () => {
  for (const [language, messages] of [
    ["vi", vi],
    ["en", en],
  ] as const) {
    it(`in ${language}`, () => {
      const missing = permissions
        .map((p) => p.action)
        .filter((action) => {
          const [area, verb] = action.split(".") as [string, string];
          const words = (messages.permissions as Record<string, Record<string, string>>)[area];
          return typeof words?.[verb] !== "string" || words[verb].length === 0;
        });
      expect(missing).toEqual([]);
    });
  }
});
