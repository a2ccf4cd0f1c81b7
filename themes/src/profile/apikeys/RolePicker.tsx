import { Label, LabelGroup, SelectOption } from "@patternfly/react-core";
import { useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { TypeaheadSelect } from "../combobox/TypeaheadSelect";
import { useCombobox } from "../combobox/useCombobox";
import { filterRoles, roleOrigin, type RoleOption } from "./keyScope";

type Props = {
  id: string;
  options: RoleOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  /** Selected roles the server refused: their chips are marked. */
  refused: string[];
  invalid: boolean;
  describedBy?: string;
};

/**
 * A type-to-search multi-select of the user's roles: each option shows the role, its application (client) and its
 * description; the chosen ones are chips in the field. Options stay open after a choice, so several can be picked.
 */
export const RolePicker = ({ id, options, selected, onChange, refused, invalid, describedBy }: Props) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const shown = useMemo(() => filterRoles(options, query), [options, query]);
  const byRef = useMemo(() => new Map(options.map((option) => [option.ref, option])), [options]);
  const box = useCombobox(id, shown.length, {
    "data-testid": "latchkey-api-key-roles",
    "aria-describedby": describedBy,
  });
  const { isOpen, setOpen, focused, setFocused, moveOnArrow } = box;

  const toggle = (ref: string) =>
    onChange(selected.includes(ref) ? selected.filter((chosen) => chosen !== ref) : [...selected, ref]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (moveOnArrow(event)) return;
    if (event.key === "Enter" && isOpen) {
      // never submit the dialog from here: Enter picks
      event.preventDefault();
      const option = focused >= 0 ? shown[focused] : shown.length === 1 ? shown[0] : undefined;
      if (option) toggle(option.ref);
    } else if (event.key === "Escape" && isOpen) {
      // closes the list, not the dialog around it (the modal listens for Escape further up)
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === "Backspace" && query === "" && selected.length > 0) {
      onChange(selected.slice(0, -1));
    }
  };

  return (
    <TypeaheadSelect
      id={id}
      box={box}
      toggleTestId="latchkey-api-key-roles-toggle"
      selected={selected}
      multiple
      onSelect={toggle}
      onOpenChange={(open) => {
        setOpen(open);
        if (!open) setFocused(-1);
      }}
      invalid={invalid}
      text={query}
      onTextChange={setQuery}
      onKeyDown={onKeyDown}
      placeholder={t("latchkeyApiKeyRolesSearch")}
      label={t("latchkeyApiKeyRoles")}
      chips={
        selected.length > 0 && (
          <LabelGroup aria-label={t("latchkeyApiKeyRolesChosen")} numLabels={8}>
            {selected.map((ref) => (
              <Label
                key={ref}
                isCompact
                color={refused.includes(ref) ? "red" : "blue"}
                onClose={(event) => {
                  event.stopPropagation();
                  toggle(ref);
                }}
                closeBtnAriaLabel={t("latchkeyApiKeyRoleRemove", { role: ref })}
                data-testid={`latchkey-api-key-role-chip-${ref}`}
              >
                {byRef.get(ref)?.name ?? ref}
                {byRef.get(ref)?.clientId && <span className="pf-v5-u-color-200"> · {byRef.get(ref)?.clientId}</span>}
              </Label>
            ))}
          </LabelGroup>
        )
      }
      clear={
        query !== "" || selected.length > 0
          ? {
              label: t("latchkeyApiKeyRolesClear"),
              testId: "latchkey-api-key-roles-clear",
              onClear: () => {
                setQuery("");
                onChange([]);
                box.inputRef.current?.focus();
              },
            }
          : undefined
      }
      noMatch={t("latchkeyApiKeyRolesNoMatch")}
    >
      {shown.map((option, index) => (
        <SelectOption
          key={option.ref}
          id={box.optionId(index)}
          value={option.ref}
          hasCheckbox
          isSelected={selected.includes(option.ref)}
          isFocused={index === focused}
          description={roleOrigin(option, t)}
          data-testid={`latchkey-api-key-role-option-${option.ref}`}
        >
          {option.name}
        </SelectOption>
      ))}
    </TypeaheadSelect>
  );
};
