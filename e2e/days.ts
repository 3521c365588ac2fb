/** The day `offsetDays` from today in Vietnam, as ISO (yyyy-MM-dd) and as typed (dd/MM/yyyy). */
export function vnDate(offsetDays: number): { iso: string; display: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(
    new Date(),
  );
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split("-");
  return { iso, display: `${day}/${m}/${y}` };
}
