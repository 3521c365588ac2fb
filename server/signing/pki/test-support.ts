// Shared by the tests of this folder: a small CA hierarchy and a way to ask openssl about files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createIssuingCa,
  createRootCa,
  issuePersonCertificate,
  issueSealCertificate,
  issueTimestampingCertificate,
} from "./ca";

export const CRL_URL = "https://lienthong.example.vn/api/ca/crl";

/** Root, issuing CA, a leader, a seal and a TSA; RSA 2048 throughout to keep tests fast. */
export async function createTestPki() {
  const root = await createRootCa({
    commonName: "Liên Thông Root CA",
    organizationName: "Ủy ban nhân dân quận Hoàng Mai",
    keyBits: 2048,
  });
  const issuing = await createIssuingCa({
    root,
    commonName: "Liên Thông Issuing CA",
    organizationName: "Ủy ban nhân dân quận Hoàng Mai",
    keyBits: 2048,
  });
  const [person, seal, tsa] = await Promise.all([
    issuePersonCertificate({
      issuer: issuing,
      fullName: "Nguyễn Đức Thắng",
      title: "Chủ tịch",
      organizationName: "Ủy ban nhân dân phường Định Công",
      organizationCode: "000.00.12.H49",
      crlDistributionPointUrl: CRL_URL,
    }),
    issueSealCertificate({
      issuer: issuing,
      organizationName: "Ủy ban nhân dân phường Định Công",
      organizationCode: "000.00.12.H49",
      crlDistributionPointUrl: CRL_URL,
    }),
    issueTimestampingCertificate({
      issuer: issuing,
      commonName: "Liên Thông TSA",
      organizationName: "Ủy ban nhân dân quận Hoàng Mai",
      crlDistributionPointUrl: CRL_URL,
    }),
  ]);
  return { root, issuing, person, seal, tsa };
}

export type TestPki = Awaited<ReturnType<typeof createTestPki>>;

/** A scratch folder for openssl's input and output files. */
export function scratchFolder() {
  const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-pki-"));
  return {
    dir,
    /** Write a file and return its path. */
    file(name: string, content: string | Buffer) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    path: (name: string) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function openssl(args: string[], input?: Buffer) {
  const result = spawnSync("openssl", args, { input, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout.toString("utf8"),
    stdoutBytes: result.stdout,
    stderr: result.stderr.toString("utf8"),
  };
}
