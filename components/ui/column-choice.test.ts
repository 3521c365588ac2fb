import { describe, expect, it } from "vitest";
import { hiddenColumns, readColumnChoice, type ChoosableColumn } from "./column-choice";

const columns: ChoosableColumn[] = [
  { key: "name", fixed: true },
  { key: "unit" },
  { key: "email" },
  { key: "signature", defaultHidden: true },
];

describe("the choice of columns", () => {
  it("shows every column but those hidden by default until the user chooses", () => {
    expect([...hiddenColumns(columns, {})]).toEqual(["signature"]);
  });

  it("follows the user's choice, and keeps the default of the columns they left alone", () => {
    expect([...hiddenColumns(columns, { unit: false, signature: true })]).toEqual(["unit"]);
  });

  it("never hides a fixed column, even when a stored choice says so", () => {
    expect(hiddenColumns(columns, { name: false }).has("name")).toBe(false);
  });

  it("ignores choices about columns the table no longer has", () => {
    expect([...hiddenColumns(columns, { gone: false })]).toEqual(["signature"]);
  });
});

describe("a stored choice", () => {
  it("reads back what was written", () => {
    expect(readColumnChoice(JSON.stringify({ unit: false, signature: true }))).toEqual({
      unit: false,
      signature: true,
    });
  });

  it("falls back to the defaults when nothing or something else was stored", () => {
    expect(readColumnChoice(null)).toEqual({});
    expect(readColumnChoice("")).toEqual({});
    expect(readColumnChoice("not json")).toEqual({});
    expect(readColumnChoice("[1,2]")).toEqual({});
    expect(readColumnChoice("null")).toEqual({});
    expect(readColumnChoice(JSON.stringify({ unit: "no", email: false }))).toEqual({
      email: false,
    });
  });
});
