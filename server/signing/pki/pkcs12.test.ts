import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPkcs12, unlockPkcs12, wrapPkcs12 } from "./pkcs12";
import { createTestPki, openssl, scratchFolder } from "./test-support";
import type { TestPki } from "./test-support";

let pki: TestPki;
let wrapped: Buffer;
const scratch = scratchFolder();
const PIN = "246810";
const files: Record<string, string> = {};

beforeAll(async () => {
  pki = await createTestPki();
  wrapped = await wrapPkcs12({
    key: pki.person.privateKey,
    certificate: pki.person.certificate,
    chain: [pki.issuing.certificate, pki.root.certificate],
    pin: PIN,
    friendlyName: "Nguyễn Đức Thắng",
  });
  files.key = scratch.file(
    "key.pem",
    pki.person.privateKey.export({ type: "pkcs8", format: "pem" }),
  );
  files.cert = scratch.file("cert.pem", pki.person.certificate.toString());
  files.chain = scratch.file(
    "chain.pem",
    pki.root.certificate.toString() + pki.issuing.certificate.toString(),
  );
});
afterAll(() => scratch.remove());

/** A PKCS#12 file made by openssl itself. */
function opensslPkcs12(name: string, args: string[]): Buffer {
  const out = scratch.path(name);
  const result = openssl(["pkcs12", "-export", "-out", out, ...args]);
  expect(result.stderr).toBe("");
  return readFileSync(out);
}

describe("PKCS#12", () => {
  it("writes a file OpenSSL 3 opens with the PIN, without -legacy, in AES-256 and SHA-256", () => {
    const file = scratch.file("wrapped.p12", wrapped);
    const result = openssl(["pkcs12", "-in", file, "-info", "-nodes", "-passin", `pass:${PIN}`]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("MAC: sha256, Iteration 2048");
    expect(result.stderr).toMatch(
      /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256/,
    );
    expect(result.stdout).toContain(pki.person.privateKey.export({ type: "pkcs8", format: "pem" }));
    // OpenSSL 3.0 prints a BMPString friendlyName one byte per character: compare with its own.
    expect(
      result.stdoutBytes.includes(
        `friendlyName: ${opensslFriendlyName("Nguyễn Đức Thắng")}`,
        0,
        "latin1",
      ),
    ).toBe(true);
    for (const c of [pki.person, pki.issuing, pki.root]) {
      expect(result.stdout).toContain(c.certificate.toString().trim());
    }
    const wrong = openssl(["pkcs12", "-in", file, "-info", "-nodes", "-passin", "pass:135790"]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/mac verify/i);
  });

  it("unlocks its own file into a native key, the certificate and its chain in order", async () => {
    const unlocked = await unlockPkcs12(wrapped, PIN);
    expect(unlocked.key.type).toBe("private");
    expect(unlocked.certificate.raw).toEqual(pki.person.certificate.raw);
    expect(unlocked.certificate.checkPrivateKey(unlocked.key)).toBe(true);
    expect(unlocked.chain.map((c) => c.fingerprint256)).toEqual([
      pki.issuing.certificate.fingerprint256,
      pki.root.certificate.fingerprint256,
    ]);
  });

  it("unlocks files OpenSSL writes, in its current and its legacy (3DES, RC2) algorithms", async () => {
    const inputs = ["-inkey", files.key!, "-in", files.cert!, "-certfile", files.chain!];
    for (const [name, extra] of [
      ["default.p12", []],
      ["legacy.p12", ["-legacy"]],
    ] as const) {
      const unlocked = await unlockPkcs12(
        opensslPkcs12(name, [...inputs, ...extra, "-passout", `pass:${PIN}`]),
        PIN,
      );
      expect(unlocked.certificate.raw).toEqual(pki.person.certificate.raw);
      expect(unlocked.certificate.checkPrivateKey(unlocked.key)).toBe(true);
      expect(unlocked.chain.map((c) => c.subject)).toEqual([
        pki.issuing.certificate.subject,
        pki.root.certificate.subject,
      ]);
    }
  });

  it("refuses a wrong PIN", async () => {
    await expect(unlockPkcs12(wrapped, "135790")).rejects.toMatchObject({ code: "WRONG_PIN" });
  });

  it("refuses a damaged file or one that is not PKCS#12", async () => {
    await expect(unlockPkcs12(wrapped.subarray(0, 600), PIN)).rejects.toMatchObject({
      code: "NOT_PKCS12",
    });
    await expect(unlockPkcs12(Buffer.from("%PDF-1.7\n"), PIN)).rejects.toMatchObject({
      code: "NOT_PKCS12",
    });
    await expect(unlockPkcs12(pki.person.certificate.raw, PIN)).rejects.toMatchObject({
      code: "NOT_PKCS12",
    });
  });

  it("refuses a file without a private key", async () => {
    const keyless = opensslPkcs12("keyless.p12", [
      "-nokeys",
      "-in",
      files.cert!,
      "-passout",
      `pass:${PIN}`,
    ]);
    await expect(unlockPkcs12(keyless, PIN)).rejects.toMatchObject({ code: "NO_PRIVATE_KEY" });
  });

  it("refuses a file whose key needs no PIN: empty password or no encryption at all", async () => {
    const inputs = ["-inkey", files.key!, "-in", files.cert!];
    const emptyPassword = opensslPkcs12("empty.p12", [...inputs, "-passout", "pass:"]);
    const plain = opensslPkcs12("plain.p12", [
      ...inputs,
      "-keypbe",
      "NONE",
      "-certpbe",
      "NONE",
      "-nomac",
      "-passout",
      "pass:",
    ]);
    for (const file of [emptyPassword, plain]) {
      for (const pin of ["", PIN]) {
        await expect(unlockPkcs12(file, pin)).rejects.toMatchObject({ code: "NO_PIN" });
      }
    }
    await expect(
      wrapPkcs12({ key: pki.person.privateKey, certificate: pki.person.certificate, pin: "" }),
    ).rejects.toMatchObject({ code: "NO_PIN" });
  });

  it("imports an outside file: names the root to approve, and re-wraps it in our format", async () => {
    const outside = opensslPkcs12("outside.p12", [
      "-inkey",
      files.key!,
      "-in",
      files.cert!,
      "-certfile",
      files.chain!,
      "-legacy",
      "-passout",
      `pass:${PIN}`,
    ]);
    const imported = await importPkcs12(outside, PIN);
    expect(imported.root?.raw).toEqual(pki.root.certificate.raw);
    const reopened = openssl([
      "pkcs12",
      "-in",
      scratch.file("rewrapped.p12", imported.pkcs12),
      "-info",
      "-nokeys",
      "-passin",
      `pass:${PIN}`,
    ]);
    expect(reopened.stderr).toContain("PBES2, PBKDF2, AES-256-CBC");
    expect((await unlockPkcs12(imported.pkcs12, PIN)).certificate.raw).toEqual(
      pki.person.certificate.raw,
    );

    const withoutRoot = opensslPkcs12("no-root.p12", [
      "-inkey",
      files.key!,
      "-in",
      files.cert!,
      "-passout",
      `pass:${PIN}`,
    ]);
    expect((await importPkcs12(withoutRoot, PIN)).root).toBeNull();
  });
});

/** How OpenSSL 3.0 prints a BMPString friendlyName: the low byte of each UTF-16 unit. */
const opensslFriendlyName = (name: string) =>
  Buffer.from([...name].map((c) => c.charCodeAt(0) & 0xff)).toString("latin1");
