// Documents issued between organisations for the specs that receive them: made through the API,
// since the drafting, signing and sealing pages have their own specs.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { CHAIR_PIN, SEAL_PIN, switchTo, unlockable, type Staff } from "./people";
import { call } from "./trpc";

type Organisation = { id: string; code: string; name: string };

async function organisationNamed(page: Page, query: string): Promise<Organisation> {
  const found = await call<{ organisations: Organisation[] }>(page, "reception.issuers", {
    query,
  });
  expect(found.organisations.length, query).toBeGreaterThan(0);
  return found.organisations[0]!;
}

/**
 * A công văn drafted by Định Công's clerk (signed in on `page`) and sent on a route to its
 * chairman's signature. Returns its id.
 */
export async function draftToSign(
  page: Page,
  subject: string,
  recipients: unknown[],
  text = "Đề nghị các đơn vị tổng hợp và gửi kết quả.",
): Promise<string> {
  const staff = await call<Staff>(page, "directory.staff");
  const chairman = staff.leadership.find((p) => p.fullName === "Nguyễn Đức Thắng")!;
  const created = await call<{ id: string; version: number }>(
    page,
    "outgoing.create",
    {
      documentType: "cong_van",
      subject,
      recipients,
      signerId: chairman.id,
      signingAuthority: "tm",
      signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text }] }],
      },
    },
    { mutation: true },
  );
  await call(
    page,
    "outgoing.act",
    {
      documentId: created.id,
      version: created.version,
      input: {
        action: "sendOnRoute",
        steps: [{ kind: "sign", rule: "any", userIds: [chairman.id] }],
        comment: null,
      },
    },
    { mutation: true },
  );
  return created.id;
}

/**
 * A công văn of Định Công to the organisations found by `recipients` (searched by name), drafted
 * by its clerk, signed by its chairman and sealed and issued by the clerk, through the API.
 */
export async function issueTo(page: Page, subject: string, recipients: string[]): Promise<string> {
  await switchTo(page, "vanthu.dc");
  const to = [];
  for (const query of recipients) {
    const org = await organisationNamed(page, query);
    to.push({ kind: "organisation", organisationId: org.id, name: org.name });
  }
  const id = await draftToSign(page, subject, to);
  await switchTo(page, "chutich.dc");
  await unlockable(page, "person", CHAIR_PIN);
  const toSign = await call<{ version: number }>(page, "outgoing.get", { id });
  await call(
    page,
    "outgoing.sign",
    { documentId: id, version: toSign.version, pin: CHAIR_PIN },
    { mutation: true },
  );
  await switchTo(page, "vanthu.dc");
  await unlockable(page, "seal", SEAL_PIN);
  const signed = await call<{ version: number }>(page, "outgoing.get", { id });
  await call(
    page,
    "outgoing.issue",
    { documentId: id, version: signed.version, pin: SEAL_PIN },
    { mutation: true },
  );
  return id;
}
