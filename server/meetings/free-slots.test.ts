import { describe, expect, it } from "vitest";
import { formatVietnamDateTime, vietnamInstant } from "@/lib/meetings";
import { nextFreeSlot } from "./free-slots";

const at = (day: string, from: string, to: string) => ({
  start: vietnamInstant(day, from),
  end: vietnamInstant(day, to),
});
const text = (r: { start: Date; end: Date } | null) =>
  r && `${formatVietnamDateTime(r.start)}–${formatVietnamDateTime(r.end).slice(11)}`;
const now = vietnamInstant("2027-03-01", "06:00");

describe("the next free slot of a room", () => {
  it("is later the same day, of the same length, after the bookings in the way", () => {
    const bookings = [at("2027-03-02", "09:00", "10:00"), at("2027-03-02", "10:00", "11:30")];
    expect(text(nextFreeSlot([at("2027-03-02", "09:30", "10:30")], bookings, now))).toBe(
      "02/03/2027 11:30–12:30",
    );
  });

  it("is earlier that day when the rest of the day is taken, then the same time a day later", () => {
    const busyAfternoon = [at("2027-03-02", "13:00", "21:00")];
    expect(text(nextFreeSlot([at("2027-03-02", "14:00", "16:00")], busyAfternoon, now))).toBe(
      "02/03/2027 11:00–13:00",
    );
    const busyDay = [at("2027-03-02", "07:00", "21:00")];
    expect(text(nextFreeSlot([at("2027-03-02", "14:00", "16:00")], busyDay, now))).toBe(
      "03/03/2027 14:00–16:00",
    );
  });

  it("never offers a slot in the past, and shifts a whole series alike", () => {
    const lateNow = vietnamInstant("2027-03-02", "12:00");
    const bookings = [at("2027-03-02", "13:00", "14:00")];
    expect(text(nextFreeSlot([at("2027-03-02", "13:00", "14:00")], bookings, lateNow))).toBe(
      "02/03/2027 14:00–15:00",
    );
    const series = [at("2027-03-01", "08:00", "09:00"), at("2027-03-08", "08:00", "09:00")];
    const second = [at("2027-03-08", "08:00", "09:30")];
    expect(text(nextFreeSlot(series, second, now, series[1]))).toBe("08/03/2027 09:30–10:30");
  });
});
