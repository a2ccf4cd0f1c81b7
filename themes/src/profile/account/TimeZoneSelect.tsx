import { SelectOption } from "@patternfly/react-core";
import { useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { listTimeZones, RENAMED_ZONES, timeZoneOffset } from "../../format/dates";
import { TypeaheadSelect } from "../combobox/TypeaheadSelect";
import { useCombobox } from "../combobox/useCombobox";

type Props = {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  placeholder?: string;
};

type Option = { zone: string; label: string; search: string };

/** A type-to-search select of the browser's IANA time zones (with their current UTC offsets). */
export const TimeZoneSelect = ({ id, value, onChange, placeholder }: Props) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<string | undefined>(undefined);

  const options = useMemo<Option[]>(() => {
    const now = new Date();
    const zones = listTimeZones();
    if (value && !zones.includes(value)) zones.unshift(value);
    return zones.map((zone) => {
      const offset = timeZoneOffset(zone, now);
      const label = offset ? `${zone} (${offset})` : zone;
      const formerNames = Object.keys(RENAMED_ZONES).filter((former) => RENAMED_ZONES[former] === zone);
      return { zone, label, search: [zone, ...formerNames, offset].join(" ").replace(/_/g, " ").toLowerCase() };
    });
  }, [value]);

  const shown = useMemo(() => {
    const words = (filter ?? "").toLowerCase().replace(/_/g, " ").split(/\s+/).filter(Boolean);
    return words.length === 0 ? options : options.filter((option) => words.every((word) => option.search.includes(word)));
  }, [filter, options]);

  const box = useCombobox(id, shown.length, { "data-testid": "latchkey-timezone" });
  const { isOpen, setOpen, focused, setFocused, moveOnArrow } = box;
  const selectedLabel = options.find((option) => option.zone === value)?.label ?? value;

  const close = () => {
    setOpen(false);
    setFilter(undefined);
    setFocused(-1);
  };
  const choose = (zone: string) => {
    onChange(zone);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (moveOnArrow(event)) return;
    if (event.key === "Enter") {
      if (isOpen && focused >= 0 && shown[focused]) {
        event.preventDefault();
        choose(shown[focused].zone);
      } else if (isOpen && shown.length === 1) {
        event.preventDefault();
        choose(shown[0].zone);
      }
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      close();
    }
  };

  return (
    <TypeaheadSelect
      id={id}
      box={box}
      toggleTestId="latchkey-timezone-toggle"
      selected={value}
      onSelect={choose}
      onOpenChange={(open) => (open ? setOpen(true) : close())}
      text={filter ?? selectedLabel}
      onTextChange={setFilter}
      onKeyDown={onKeyDown}
      placeholder={placeholder}
      label={t("latchkeyTimeZone")}
      clear={(filter ?? "") !== "" ? { label: t("latchkeyClearSearch"), onClear: () => setFilter("") } : undefined}
      noMatch={t("latchkeyTimeZoneNoMatch")}
    >
      {shown.map((option, index) => (
        <SelectOption
          key={option.zone}
          id={box.optionId(index)}
          value={option.zone}
          isFocused={index === focused}
          data-testid={`latchkey-timezone-option-${option.zone}`}
        >
          {option.label}
        </SelectOption>
      ))}
    </TypeaheadSelect>
  );
};
