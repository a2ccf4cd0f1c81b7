import {
  Button,
  MenuToggle,
  Select,
  SelectList,
  SelectOption,
  TextInputGroup,
  TextInputGroupMain,
  TextInputGroupUtilities,
} from "@patternfly/react-core";
import { TimesIcon } from "@patternfly/react-icons";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { listTimeZones, RENAMED_ZONES, timeZoneOffset } from "../../format/dates";

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
  const [isOpen, setOpen] = useState(false);
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const [focused, setFocused] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  // TextInputGroupMain puts unknown props on its wrapper <div>, not on the <input>.
  useEffect(() => {
    inputRef.current?.setAttribute("autocomplete", "off");
    inputRef.current?.setAttribute("data-testid", "latchkey-timezone");
  }, []);

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

  const selectedLabel = options.find((option) => option.zone === value)?.label ?? value;
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

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
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen) setOpen(true);
      if (shown.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = focused < 0 ? (step > 0 ? 0 : shown.length - 1) : (focused + step + shown.length) % shown.length;
      setFocused(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
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
    <Select
      id={`${id}-select`}
      isOpen={isOpen}
      selected={value}
      onSelect={(_, selection) => selection !== undefined && choose(String(selection))}
      onOpenChange={(open) => (open ? setOpen(true) : close())}
      isScrollable
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          variant="typeahead"
          isFullWidth
          isExpanded={isOpen}
          onClick={() => {
            setOpen(!isOpen);
            inputRef.current?.focus();
          }}
          data-testid="latchkey-timezone-toggle"
        >
          <TextInputGroup isPlain>
            <TextInputGroupMain
              inputId={id}
              innerRef={inputRef}
              value={filter ?? selectedLabel}
              placeholder={placeholder}
              aria-label={t("latchkeyTimeZone")}
              role="combobox"
              isExpanded={isOpen}
              aria-controls={listId}
              aria-activedescendant={focused >= 0 ? optionId(focused) : undefined}
              onClick={() => setOpen(true)}
              onChange={(_, text) => {
                setFilter(text);
                setFocused(-1);
                setOpen(true);
              }}
              onKeyDown={onKeyDown}
            />
            {(filter ?? "") !== "" && (
              <TextInputGroupUtilities>
                <Button variant="plain" onClick={() => setFilter("")} aria-label={t("latchkeyClearSearch")}>
                  <TimesIcon aria-hidden />
                </Button>
              </TextInputGroupUtilities>
            )}
          </TextInputGroup>
        </MenuToggle>
      )}
    >
      <SelectList id={listId} aria-label={t("latchkeyTimeZone")}>
        {shown.length === 0 ? (
          <SelectOption isDisabled value={undefined}>
            {t("latchkeyTimeZoneNoMatch")}
          </SelectOption>
        ) : (
          shown.map((option, index) => (
            <SelectOption
              key={option.zone}
              id={optionId(index)}
              value={option.zone}
              isFocused={index === focused}
              data-testid={`latchkey-timezone-option-${option.zone}`}
            >
              {option.label}
            </SelectOption>
          ))
        )}
      </SelectList>
    </Select>
  );
};
