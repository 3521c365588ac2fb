// What `npm start` prints once the application answers: where to open it and how to sign in.
import { networkInterfaces } from "node:os";
import { DEMO_PASSWORD, demoOrganisations } from "@/db/seed/demo";

// Vietnamese letters are single code points once composed, so this is the column count.
const width = (s: string) => [...s.normalize("NFC")].length;
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

export function demoAccountsTable(): string {
  const header = ["Username", "Full name", "Job title", "Organisation", "Roles"];
  const rows = demoOrganisations.flatMap((o) =>
    o.users.map((u) => [
      u.username,
      u.fullName,
      u.jobTitle,
      o.name.replace(/^Ủy ban nhân dân/, "UBND"),
      u.roles.join(", "),
    ]),
  );
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    ("  " + cells.map((c, i) => pad(c, widths[i]!)).join("  ")).trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}

function addresses(hostname: string, port: number): string[] {
  if (hostname !== "0.0.0.0" && hostname !== "::") return [`http://${hostname}:${port}`];
  // Leaders sign from their phones: show the address the rest of the network can reach.
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === "IPv4" && !i.internal)
    .map((i) => `http://${i!.address}:${port}`);
  return [`http://localhost:${port}`, ...lan];
}

export function printBanner(hostname: string, port: number): void {
  const [main, ...others] = addresses(hostname, port);
  console.log(
    [
      "",
      `Liên Thông is running at ${main}`,
      ...(others.length ? [`  also reachable at ${others.join(", ")}`] : []),
      "",
      `Demo accounts (tài khoản dùng thử), all with the password ${DEMO_PASSWORD}:`,
      demoAccountsTable(),
      "",
      "Press Ctrl-C to stop (Nhấn Ctrl-C để dừng).",
      "",
    ].join("\n"),
  );
}
