import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  computeBuildFingerprint,
  isBuildCurrent,
  writeBuildFingerprint,
} from "./build-fingerprint";

let root: string;
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "lien-thong-fingerprint-"));
  write("app/page.tsx", "export default function Page() {}");
  write("server/org/service.ts", "export const a = 1;");
  write("next.config.ts", "export default {};");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("build fingerprint", () => {
  it("changes when a source file that goes into the build changes", () => {
    const before = computeBuildFingerprint(root);
    write("server/org/service.ts", "export const a = 2;");
    expect(computeBuildFingerprint(root)).not.toBe(before);
  });

  it("changes when a source file is added", () => {
    const before = computeBuildFingerprint(root);
    write("components/ui/new.tsx", "export {};");
    expect(computeBuildFingerprint(root)).not.toBe(before);
  });

  it("ignores tests and files outside the build's sources", () => {
    const before = computeBuildFingerprint(root);
    write("server/org/service.test.ts", "it('x', () => {});");
    write("e2e/sign-in.spec.ts", "test('x', () => {});");
    write("README.md", "# readme");
    expect(computeBuildFingerprint(root)).toBe(before);
  });

  it("counts a build as current only when it is complete and made from these sources", () => {
    const fingerprint = computeBuildFingerprint(root);
    mkdirSync(path.join(root, ".next"));
    writeBuildFingerprint(fingerprint, root);
    expect(isBuildCurrent(fingerprint, root)).toBe(false); // no BUILD_ID: the build did not finish
    write(".next/BUILD_ID", "abc");
    expect(isBuildCurrent(fingerprint, root)).toBe(true);
    write("app/page.tsx", "export default function Page() { return null; }");
    expect(isBuildCurrent(computeBuildFingerprint(root), root)).toBe(false);
  });
});
