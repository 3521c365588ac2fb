import { compareVietnamese } from "./collate";
import type { Role } from "./permissions";

/** What the order of people rests on: their roles and job title, then their name. */
export type Rankable = {
  fullName: string;
  jobTitle?: string | null;
  roles: readonly Role[];
};

// Leaders, then unit heads, then specialists; clerks, administrators and the rest after them.
const tierOf: Partial<Record<Role, number>> = { leader: 0, unit_head: 1, specialist: 2 };
const OTHERS = 3;

/** The highest of a person's roles, as a tier: 0 for a leader down to 3 for everyone else. */
export function rankTier(roles: readonly Role[]): number {
  return Math.min(OTHERS, ...roles.map((r) => tierOf[r] ?? OTHERS));
}

/** A deputy's post ("Phó Chủ tịch", "phó trưởng phòng") ranks below the post it deputises. */
export function isDeputy(jobTitle: string | null | undefined): boolean {
  return /^phó(?:\s|$)/u.test((jobTitle ?? "").normalize("NFC").trim().toLocaleLowerCase("vi"));
}

/** The given name, which Vietnamese names put last: "Nguyễn Thị Ánh Tuyết" → "Tuyết". */
export function givenName(fullName: string): string {
  return fullName.trim().split(/\s+/u).at(-1) ?? "";
}

/**
 * People in the order a Vietnamese office lists them: by rank (leaders, unit heads, specialists,
 * others; the post before its deputy), then by given name, then by full name, in Vietnamese
 * alphabetical order (Ánh after Anh, Đức after Dung).
 */
export function compareByRank(a: Rankable, b: Rankable): number {
  return (
    rankTier(a.roles) - rankTier(b.roles) ||
    Number(isDeputy(a.jobTitle)) - Number(isDeputy(b.jobTitle)) ||
    compareVietnamese(givenName(a.fullName), givenName(b.fullName)) ||
    compareVietnamese(a.fullName, b.fullName)
  );
}

/** A sorted copy; people of the same rank and name keep their order. */
export function sortByRank<T extends Rankable>(people: readonly T[]): T[] {
  return [...people].sort(compareByRank);
}
