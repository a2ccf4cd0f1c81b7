import { createContext, useContext, useMemo, type PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";

import { browserTimeZone, formatDateTime, formatDay, isValidTimeZone, relativeTime } from "../format/dates";

type ProfileSettings = {
  /** The zone all times are shown in: the user's, else the browser's. */
  timeZone: string;
  /** True when the user has not chosen a zone. */
  timeZoneIsDefault: boolean;
};

const Context = createContext<ProfileSettings>({ timeZone: "UTC", timeZoneIsDefault: true });

export const ProfileSettingsProvider = ({ timezone, children }: PropsWithChildren<{ timezone?: string }>) => {
  const value = useMemo(
    () =>
      timezone && isValidTimeZone(timezone)
        ? { timeZone: timezone, timeZoneIsDefault: false }
        : { timeZone: browserTimeZone(), timeZoneIsDefault: true },
    [timezone],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
};

/** Formatting in the user's language (the console's current one) and time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const settings = useContext(Context);
  const locale = i18n.resolvedLanguage ?? i18n.language ?? "en";
  return useMemo(
    () => ({
      ...settings,
      locale,
      dateTime: (iso: string) => formatDateTime(iso, locale, settings.timeZone),
      day: (day: string) => formatDay(day, locale),
      relative: (iso: string) => relativeTime(iso, locale),
    }),
    [settings, locale],
  );
}
