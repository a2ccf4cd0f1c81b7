import { describe, expect, it } from "vitest";

import {
  addDays,
  expiresSoon,
  firstDayOfWeek,
  formatDateTime,
  formatDay,
  lastValidDay,
  listTimeZones,
  parseDay,
  relativeTime,
  timeZoneOffset,
  todayIn,
} from "./dates";

const NOW = new Date("2026-11-26T23:30:00Z");

describe("dates", () => {
  it("formats an instant in the user's zone and language", () => {
    expect(formatDateTime("2026-11-26T09:30:00Z", "en", "Europe/Paris")).toBe("Nov 26, 2026, 10:30 AM");
    expect(formatDateTime("2026-11-26T09:30:00Z", "de", "America/New_York")).toBe("26.11.2026, 04:30");
  });

  it("falls back to the browser zone for an unknown zone and keeps unparsable text", () => {
    expect(formatDateTime("2026-11-26T09:30:00Z", "en", "Not/AZone")).toContain("2026");
    expect(formatDateTime("soon", "en", "UTC")).toBe("soon");
  });

  it("knows today's day in a zone", () => {
    expect(todayIn("UTC", NOW)).toBe("2026-11-26");
    expect(todayIn("Asia/Tokyo", NOW)).toBe("2026-11-27");
    expect(todayIn("America/Los_Angeles", NOW)).toBe("2026-11-26");
  });

  it.each([
    ["2027-03-02T05:00:00Z", "America/New_York", "2027-03-01"],
    ["2027-03-01T11:00:00Z", "Pacific/Auckland", "2027-03-01"],
    ["2027-03-02T00:00:00Z", "UTC", "2027-03-01"],
    ["2026-11-02T08:00:00Z", "America/Los_Angeles", "2026-11-01"], // Nov 1 had 25 hours there
  ])("given %s in %s, then the key is valid through %s", (iso, zone, day) => {
    expect(lastValidDay(iso, zone)).toBe(day);
  });

  it.each([
    ["2027-03-02T00:00:00Z", "America/New_York"], // 7 PM there
    ["2027-03-02T05:00:00.001Z", "America/New_York"],
    ["2027-03-02T05:00:00Z", "Not/AZone"],
    ["soon", "UTC"],
  ])("given %s in %s, then it is no day's end", (iso, zone) => {
    expect(lastValidDay(iso, zone)).toBeUndefined();
  });

  it("adds days across months and years and rejects non-days", () => {
    expect(addDays("2026-11-26", 180)).toBe("2027-05-25");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(parseDay("2026-02-30")).toBeUndefined();
    expect(parseDay("26.11.2026")).toBeUndefined();
  });

  it("formats a day in the user's language without shifting it", () => {
    expect(formatDay("2027-03-31", "en")).toBe("March 31, 2027");
    expect(formatDay("2027-03-31", "fr")).toBe("31 mars 2027");
  });

  it("warns only for active keys that expire within 7 days", () => {
    expect(expiresSoon("2026-12-02T23:00:00Z", NOW)).toBe(true);
    expect(expiresSoon("2026-12-03T23:31:00Z", NOW)).toBe(false);
    expect(expiresSoon("2026-11-26T23:00:00Z", NOW)).toBe(false);
  });

  it("says how long is left in the user's language", () => {
    expect(relativeTime("2026-11-29T23:30:00Z", "en", NOW)).toBe("in 3 days");
    expect(relativeTime("2026-11-29T21:30:00Z", "en", NOW)).toBe("in 3 days");
    expect(relativeTime("2026-11-28T00:30:00Z", "de", NOW)).toBe("morgen");
    expect(relativeTime("2026-11-27T04:30:00Z", "fr", NOW)).toBe("dans 5 heures");
    expect(relativeTime("2026-11-26T23:40:00Z", "en", NOW)).toBe("in 1 hour");
  });

  it("starts the week where the language does", () => {
    expect(firstDayOfWeek("de")).toBe(1);
    expect(firstDayOfWeek("en-US")).toBe(0);
    expect(firstDayOfWeek("not a locale")).toBe(0);
  });

  it("lists IANA zones with UTC and names offsets", () => {
    const zones = listTimeZones();
    expect(zones).toContain("Europe/Paris");
    expect(zones).toContain("UTC");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(timeZoneOffset("Asia/Kolkata", NOW)).toBe("UTC+05:30");
    expect(timeZoneOffset("UTC", NOW)).toBe("UTC");
  });
});
