import fc from "fast-check";

export type FuzzSettings = {
  seed: number;
  /** Multiplies every number of runs: 1 in CI, more by hand (FUZZ_SCALE=20 npm run fuzz). */
  scale: number;
};

export function fuzzSettings(env: NodeJS.ProcessEnv): FuzzSettings {
  const seed = Number(env.FUZZ_SEED ?? 20261206);
  const scale = Number(env.FUZZ_SCALE ?? 1);
  if (!Number.isInteger(seed))
    throw new Error(`FUZZ_SEED must be an integer, not ${env.FUZZ_SEED}`);
  if (!(scale > 0)) throw new Error(`FUZZ_SCALE must be a positive number, not ${env.FUZZ_SCALE}`);
  return { seed, scale };
}

/** A seed of its own for each target and caller, so that adding a procedure moves no other's. */
export function seedFor(base: number, label: string): number {
  let h = base | 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h | 0;
}

/** Shrinking calls the server again for every smaller candidate; past this, the input is small enough. */
const SHRINK_BUDGET = 100;
/** Rounds per target and caller: each one looks past the causes the rounds before it found. */
const MAX_ROUNDS = 4;
/**
 * A caller refused at the door (401, 403) on this many first calls is not let in at all: the
 * procedures check the session and the permission before they parse the input, so more runs
 * would only repeat the refusal. The rest of its runs are skipped.
 */
const DOOR_PROBES = 4;

/** What one fuzzed call found wrong (finding keys) and how it was answered. */
export type Verdict = { keys: string[]; status: number };

/**
 * Runs a property until it passes, collecting every distinct cause rather than stopping at the
 * first. `call` performs one exchange and judges it. A round fails on a cause not seen in earlier
 * rounds, and fast-check shrinks it (the findings keep the smallest input per cause); the next
 * round replays the same seed with that cause known, so it runs on to the next one.
 */
export async function fuzzUntilQuiet<T>(
  arbitrary: fc.Arbitrary<T>,
  options: { seed: number; numRuns: number },
  call: (value: T) => Promise<Verdict>,
): Promise<void> {
  const known = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fresh = new Set<string>();
    let calls = 0;
    let shrinkCalls = 0;
    let admitted = false;
    // The harness failing is not a finding: it stops the run.
    let harnessError: unknown = null;
    const property = fc.asyncProperty(arbitrary, async (value) => {
      if (harnessError) return true;
      if (fresh.size === 0 && !admitted && calls >= DOOR_PROBES) return true;
      if (fresh.size > 0 && ++shrinkCalls > SHRINK_BUDGET) return true;
      calls++;
      try {
        const verdict = await call(value);
        if (verdict.status !== 401 && verdict.status !== 403) admitted = true;
        const unknown = verdict.keys.filter((k) => !known.has(k));
        for (const k of unknown) fresh.add(k);
        return unknown.length === 0;
      } catch (error) {
        harnessError = error;
        return true;
      }
    });
    const details = await fc.check(property, { seed: options.seed, numRuns: options.numRuns });
    if (harnessError) throw harnessError;
    if (!details.failed) return;
    for (const k of fresh) known.add(k);
  }
}
