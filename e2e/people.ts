import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";
import { call } from "./trpc";

// The PINs the holders choose at their first signature in a run (the same in every spec).
export const CHAIR_PIN = "246810";
export const SEAL_PIN = "135790";

type Person = { id: string; fullName: string };
/** The organisation's people as `directory.staff` lists them. */
export type Staff = {
  leadership: Person[];
  units: { id: string; name: string; shortName: string | null; staff: Person[] }[];
};

/** Signs in as another person in the same browser: the previous session ends first. */
export async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page).not.toHaveURL(/sign-in/);
}

type Certificate = { id: string; purpose: string; pinSet: boolean };

/**
 * The signed-in holder's certificate of the purpose, its PIN chosen if this is its first use
 * (whichever spec of the run signs with it first). Returns whether it had one already.
 */
export async function unlockable(page: Page, purpose: "person" | "seal", pin: string) {
  const mine = await call<Certificate[]>(page, "signing.myCertificates");
  const certificate = mine.find((c) => c.purpose === purpose);
  expect(certificate, `a ${purpose} certificate`).toBeDefined();
  if (!certificate!.pinSet) {
    await call(page, "signing.setPin", { certificateId: certificate!.id, pin }, { mutation: true });
  }
  return certificate!.pinSet;
}
