// A throwaway certificate authority made with the openssl command line, independent of the
// project's own PKI code: a root, a leader's certificate and an organisation seal's certificate,
// names in Vietnamese UTF-8, and an empty CRL.
import { execFileSync } from "node:child_process";
import { createPrivateKey, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestSigner = { certPath: string; keyPath: string; certDer: Buffer; key: KeyObject };

export type TestPki = {
  dir: string;
  caPath: string;
  caDer: Buffer;
  crlDer: Buffer;
  leader: TestSigner;
  seal: TestSigner;
  remove(): void;
};

export const LEADER_NAME = "Nguyễn Đức Thắng";
export const ORGANISATION = "Ủy ban nhân dân phường Định Công";

/**
 * Runs openssl: `line` holds the arguments without spaces inside them (paths under the temp
 * folder), `more` those that have spaces (subjects).
 */
export function openssl(line: string, more: string[] = [], input?: Buffer): Buffer {
  return execFileSync("openssl", [...line.split(" "), ...more], {
    input,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), "pades-pki-"));
  const at = (name: string) => path.join(dir, name);
  const toDer = (pem: string) => openssl(`x509 -in ${pem} -outform DER`);

  openssl(
    `req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 30 -utf8 ` +
      `-keyout ${at("ca.key")} -out ${at("ca.pem")} ` +
      `-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign`,
    ["-subj", `/CN=Liên Thông Test CA/O=${ORGANISATION}`],
  );
  writeFileSync(
    at("signer.ext"),
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
  );
  const issue = (name: string, subject: string): TestSigner => {
    const [key, csr, cert] = [at(`${name}.key`), at(`${name}.csr`), at(`${name}.pem`)];
    openssl(`req -new -newkey rsa:2048 -nodes -utf8 -keyout ${key} -out ${csr}`, [
      "-subj",
      subject,
    ]);
    openssl(
      `x509 -req -in ${csr} -CA ${at("ca.pem")} -CAkey ${at("ca.key")} -CAcreateserial ` +
        `-days 30 -sha256 -extfile ${at("signer.ext")} -out ${cert}`,
    );
    return {
      certPath: cert,
      keyPath: key,
      certDer: toDer(cert),
      key: createPrivateKey(readFileSync(key)),
    };
  };
  const leader = issue("leader", `/CN=${LEADER_NAME}/O=${ORGANISATION}`);
  const seal = issue("seal", `/CN=${ORGANISATION}/O=${ORGANISATION}`);

  writeFileSync(at("index.txt"), "");
  writeFileSync(at("crlnumber"), "01\n");
  writeFileSync(
    at("ca.cnf"),
    `[ca]\ndefault_ca = test_ca\n[test_ca]\ndatabase = ${at("index.txt")}\n` +
      `crlnumber = ${at("crlnumber")}\ndefault_md = sha256\ndefault_crl_days = 30\n`,
  );
  openssl(
    `ca -gencrl -config ${at("ca.cnf")} -keyfile ${at("ca.key")} -cert ${at("ca.pem")} ` +
      `-out ${at("crl.pem")}`,
  );
  return {
    dir,
    caPath: at("ca.pem"),
    caDer: toDer(at("ca.pem")),
    crlDer: openssl(`crl -in ${at("crl.pem")} -outform DER`),
    leader,
    seal,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
