// The tests check our PDFs and signatures against independent tools and drive a real browser;
// those come from the operating system, not npm.
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";

export type SystemPackage = {
  /** A command looked up on PATH, or an absolute path to a file the package installs. */
  command: string;
  /** The Debian package that provides it. */
  debian: string;
  why: string;
};

export const testPackages: SystemPackage[] = [
  { command: "chromium", debian: "chromium", why: "browser for the end-to-end tests" },
  { command: "pdfsig", debian: "poppler-utils", why: "independent check of PDF signatures" },
  { command: "pdftoppm", debian: "poppler-utils", why: "renders PDF pages to compare layouts" },
  { command: "qpdf", debian: "qpdf", why: "checks the structure of signed PDFs" },
  {
    command: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    debian: "fonts-dejavu-core",
    why: "a font with Vietnamese glyphs for PDFs and screenshots",
  },
  {
    command: "/usr/lib/python3/dist-packages/icalendar/__init__.py",
    debian: "python3-icalendar",
    why: "independent parser of the calendar feeds",
  },
];

/** What the application itself uses; without it, it still runs, with less. */
export const appPackages: SystemPackage[] = [
  {
    command: "pdftoppm",
    debian: "poppler-utils",
    why: "draws page 1 of a PDF as a picture that a slow phone shows at once",
  },
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function present(command: string): boolean {
  if (path.isAbsolute(command)) return existsSync(command);
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .some((dir) => dir && isExecutable(path.join(dir, command)));
}

const canInstall = () => process.getuid?.() === 0 && present("apt-get");

/**
 * Installs what is missing when we may (root on Debian or Ubuntu); otherwise fails with the
 * exact packages to install, since the tests that need them would fail less clearly later.
 */
export function ensureSystemPackages(
  packages: SystemPackage[],
  log: (line: string) => void = (line) => console.log(line),
): void {
  const missing = packages.filter((p) => !present(p.command));
  if (missing.length === 0) return;
  const debs = [...new Set(missing.map((p) => p.debian))];
  const listing = missing.map((p) => `  ${p.command} (${p.debian}): ${p.why}`).join("\n");
  if (!canInstall()) {
    throw new Error(
      `Missing system packages:\n${listing}\n` +
        `Install them, e.g. \`sudo apt-get install ${debs.join(" ")}\`, and run again.`,
    );
  }
  log(`Installing missing system packages: ${debs.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...debs], {
    stdio: "inherit",
    env,
  });
  const still = missing.filter((p) => !present(p.command));
  if (still.length > 0) {
    throw new Error(
      `Still missing after apt-get install: ${still.map((p) => p.command).join(", ")}.`,
    );
  }
}
