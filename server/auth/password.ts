import { hash, verify } from "@node-rs/argon2";

// argon2id (the library default algorithm) with OWASP's recommended minimums.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so an unknown name costs as much as a wrong password.
let dummyHash: Promise<string> | undefined;
export function spendVerifyTime(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("no such user, no such password");
  return dummyHash.then((h) => verifyPassword(h, password));
}
