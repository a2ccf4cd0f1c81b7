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
import { useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { listTimeZones, RENAMED_ZONES, timeZoneOffset } from "../../format/dates";
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

  const { isOpen, setOpen, focused, setFocused, inputRef, listId, optionId, moveOnArrow } = useCombobox(
    id,
    shown.length,
    { "data-testid": "latchkey-timezone" },
  );
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
