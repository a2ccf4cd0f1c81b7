// Date helpers for the Profile page. Everything is shown in the user's language and time zone; dates the
// user picks (key expiration) are calendar days "YYYY-MM-DD" in that time zone.

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Browsers list some zones under ICU's old names; users know (and search for) the current IANA ones.
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The IANA zones this browser knows (under their current names), plus UTC, sorted. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...zones.map((zone) => RENAMED_ZONES[zone] ?? zone), "UTC"])].sort();
}

/** "UTC+01:00" for Europe/Paris in winter, "UTC" for UTC. */
export function timeZoneOffset(zone: string, now: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(now)
      .find(({ type }) => type === "timeZoneName");
    const offset = (part?.value ?? "GMT").replace("GMT", "UTC");
    return offset === "UTC+00:00" ? "UTC" : offset;
  } catch {
    return "";
  }
}

/** An instant (ISO-8601) as date and time in the given language and zone. */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
}

/** A calendar day "YYYY-MM-DD" in the given language, e.g. "March 31, 2027". */
export function formatDay(day: string, locale: string): string {
  const date = parseDay(day);
  return date
    ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date)
    : day;
}

/** Today's calendar day in the given zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * The day a key is valid through, when its expiration is the start of a day in the zone (a key created for "through
 * March 1" expires at the first instant of March 2 there); undefined for any other instant.
 */
export function lastValidDay(iso: string, timeZone: string): string | undefined {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime()) || instant.getUTCMilliseconds() !== 0) {
    return undefined;
  }
  let clock: string;
  try {
    clock = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }).format(instant);
  } catch {
    return undefined;
  }
  return clock === "00:00:00" ? todayIn(timeZone, new Date(instant.getTime() - 1)) : undefined;
}

/** "YYYY-MM-DD" as midnight UTC, or undefined when it is not a real day. */
export function parseDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) {
    return undefined;
  }
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const result = new Date(Date.UTC(year, month - 1, date));
  return result.getUTCFullYear() === year && result.getUTCMonth() === month - 1 && result.getUTCDate() === date
    ? result
    : undefined;
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  if (!date) {
    return day;
  }
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Active and expiring within 7 days. */
export function expiresSoon(iso: string, now: Date = new Date()): boolean {
  const left = new Date(iso).getTime() - now.getTime();
  return left > 0 && left < 7 * DAY_MS;
}

/** "in 3 days", "dans 5 heures", ... (whole days from one day on, hours below). */
export function relativeTime(iso: string, locale: string, now: Date = new Date()): string {
  const left = new Date(iso).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (Math.abs(left) >= DAY_MS) {
    return format.format(Math.round(left / DAY_MS), "day");
  }
  const hours = Math.trunc(left / HOUR_MS);
  return format.format(hours === 0 ? Math.sign(left) || 1 : hours, "hour");
}

type WeekInfo = { firstDay: number };
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** First day of the week for a calendar: 0 = Sunday ... 6 = Saturday (Sunday where the browser cannot tell). */
export function firstDayOfWeek(locale: string): number {
  try {
    const intlLocale = new Intl.Locale(locale) as LocaleWithWeekInfo;
    const info = intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo;
    return info ? info.firstDay % 7 : 0;
  } catch {
    return 0;
  }
}
