// `npm run pdf:verify`: one JSON line per file, exit 0 only when every signature is valid.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const fixtures = "server/signing/verify/fixtures";

function cli(args: string[]): { code: number; lines: Record<string, unknown>[]; stderr: string } {
  try {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/pdf-verify.ts", ...args],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    return {
      code: 0,
      lines: out
        .toString()
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
      stderr: "",
    };
  } catch (error) {
    const e = error as { status: number; stdout: Buffer; stderr: Buffer };
    const text = e.stdout.toString().trim();
    return {
      code: e.status,
      lines: text ? text.split("\n").map((l) => JSON.parse(l)) : [],
      stderr: e.stderr.toString(),
    };
  }
}

describe("pdf:verify", () => {
  it("exits 0 when every signature of every file is valid against the given anchor", () => {
    const r = cli([
      `${fixtures}/openssl-two-dss.pdf`,
      `${fixtures}/pdfsig-two.pdf`,
      "--anchor",
      `${fixtures}/pki/root.pem`,
    ]);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({ file: `${fixtures}/openssl-two-dss.pdf`, revisions: 3 });
  }, 30_000);

  it("trusts nothing without --anchor: sound signatures are valid-untrusted and the exit code is 1", () => {
    const r = cli([`${fixtures}/pdfsig-adbe.pdf`]);
    expect(r.code).toBe(1);
    const signatures = r.lines[0]!.signatures as {
      verdict: string;
      reasons: { code: string; en: string }[];
    }[];
    expect(signatures[0]!.verdict).toBe("valid-untrusted");
    expect(signatures[0]!.reasons[0]).toHaveProperty("en");
  }, 30_000);

  it("exits 1 when a signature is invalid, with the reasons in Vietnamese on request", () => {
    const r = cli([
      `${fixtures}/revoked-before.pdf`,
      "--anchor",
      `${fixtures}/pki/root.pem`,
      "--crl",
      `${fixtures}/pki/ca.crl`,
      "--lang",
      "vi",
    ]);
    expect(r.code).toBe(1);
    const signatures = r.lines[0]!.signatures as {
      verdict: string;
      reasons: { code: string; vi: string }[];
    }[];
    expect(signatures[0]!.verdict).toBe("invalid");
    expect(signatures[0]!.reasons.map((x) => x.vi).join(" ")).toContain(
      "Chứng thư số đã bị thu hồi trước thời điểm ký",
    );
  }, 30_000);

  it("exits 2 on usage errors", () => {
    expect(cli(["--nope", `${fixtures}/base.pdf`]).code).toBe(2);
    expect(cli([`${fixtures}/base.pdf`, "--anchor", "/no/such/file.pem"]).code).toBe(2);
  }, 30_000);
});
