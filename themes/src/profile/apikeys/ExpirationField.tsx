import { DatePicker, FormGroup, FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import type { ApiKeyInfo } from "../../api/apiKeys";
import { firstDayOfWeek, parseDay } from "../../format/dates";
import { useFormat } from "../ProfileSettings";
import { checkDay } from "./newKeyRules";

type Props = {
  info: ApiKeyInfo;
  /** `YYYY-MM-DD` in the page's zone. */
  value: string;
  onChange: (day: string) => void;
  /** Today in the page's zone: the first day offered. */
  today: string;
  /** Why the day cannot be sent ({@link checkDay}), shown in place of the help text. */
  error?: string;
};

const toDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
const fromDay = (day: string) => {
  const utc = parseDay(day);
  return utc ? new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()) : new Date(Number.NaN);
};

/** The day a new key is valid through, for a create and a rotation alike: the same calendar, limits and help. */
export const ExpirationField = ({ info, value, onChange, today, error }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FormGroup label={t("latchkeyApiKeyExpiration")} fieldId="latchkey-api-key-expiration" isRequired>
      <DatePicker
        value={value}
        onChange={(_, day) => onChange(day)}
        dateFormat={toDay}
        dateParse={fromDay}
        placeholder="YYYY-MM-DD"
        locale={format.locale}
        weekStart={firstDayOfWeek(format.locale)}
        rangeStart={fromDay(today)}
        // the calendar offers only the days the server takes: today through the latest day, in the page's zone
        validators={[(date) => checkDay(info, toDay(date), today, t, format.day) ?? ""]}
        invalidFormatText={t("latchkeyExpirationInvalid")}
        buttonAriaLabel={t("latchkeyChooseDate")}
        inputProps={{ id: "latchkey-api-key-expiration", "data-testid": "latchkey-api-key-expiration" } as object}
        appendTo={() => document.body}
        popoverProps={{ position: "right", enableFlip: true }}
      />
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant={error ? "error" : "default"} data-testid="latchkey-api-key-expiration-help">
            {error ??
              t("latchkeyExpirationHelp", {
                date: format.day(value),
                zone: format.timeZone,
                days: info.maxLifetimeDays,
              })}
          </HelperTextItem>
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
};
