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
import type { KeyboardEvent, ReactNode } from "react";

import type { useCombobox } from "./useCombobox";

type Props = {
  /** the input's id, as given to useCombobox */
  id: string;
  box: ReturnType<typeof useCombobox>;
  /** the toggle's data-testid (the input's own comes through useCombobox) */
  toggleTestId: string;
  /** what the Select marks as chosen: one value or, with `multiple`, several */
  selected: string | string[];
  multiple?: boolean;
  onSelect: (value: string) => void;
  onOpenChange: (open: boolean) => void;
  invalid?: boolean;
  /** the text in the input (the search, or the chosen option's label while not searching) */
  text: string;
  onTextChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  placeholder?: string;
  /** the input's and the list's accessible name */
  label: string;
  /** shown inside the input before the text: the chips of a multiple choice */
  chips?: ReactNode;
  /** the clear button, when there is something to clear */
  clear?: { label: string; onClear: () => void; testId?: string };
  /** the option shown, disabled, when nothing matches */
  noMatch: string;
  /** the SelectOptions matching the search; none: `noMatch` */
  children: ReactNode[];
};

/**
 * PatternFly's typeahead select recipe, shared by the time-zone select (one choice) and the role picker (several):
 * a toggle holding a search input with combobox semantics, a clear button and the list of matching options.
 * What a key does (Enter, Escape, Backspace) and what an option shows stay with each component.
 */
export const TypeaheadSelect = ({
  id,
  box,
  toggleTestId,
  selected,
  multiple,
  onSelect,
  onOpenChange,
  invalid,
  text,
  onTextChange,
  onKeyDown,
  placeholder,
  label,
  chips,
  clear,
  noMatch,
  children,
}: Props) => {
  const { isOpen, setOpen, focused, setFocused, inputRef, listId, optionId } = box;
  return (
    <Select
      id={`${id}-select`}
      isOpen={isOpen}
      selected={selected}
      onSelect={(_, value) => value !== undefined && onSelect(String(value))}
      onOpenChange={onOpenChange}
      isScrollable
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          variant="typeahead"
          isFullWidth
          isExpanded={isOpen}
          status={invalid ? "danger" : undefined}
          onClick={() => {
            setOpen(!isOpen);
            inputRef.current?.focus();
          }}
          data-testid={toggleTestId}
        >
          <TextInputGroup isPlain>
            <TextInputGroupMain
              inputId={id}
              innerRef={inputRef}
              value={text}
              placeholder={placeholder}
              aria-label={label}
              role="combobox"
              isExpanded={isOpen}
              aria-controls={listId}
              aria-activedescendant={focused >= 0 ? optionId(focused) : undefined}
              onClick={() => setOpen(true)}
              onChange={(_, typed) => {
                onTextChange(typed);
                setFocused(-1);
                setOpen(true);
              }}
              onKeyDown={onKeyDown}
            >
              {chips}
            </TextInputGroupMain>
            {clear && (
              <TextInputGroupUtilities>
                <Button variant="plain" onClick={clear.onClear} aria-label={clear.label} data-testid={clear.testId}>
                  <TimesIcon aria-hidden />
                </Button>
              </TextInputGroupUtilities>
            )}
          </TextInputGroup>
        </MenuToggle>
      )}
    >
      <SelectList id={listId} aria-label={label} isAriaMultiselectable={multiple}>
        {children.length === 0 ? (
          <SelectOption isDisabled value={undefined}>
            {noMatch}
          </SelectOption>
        ) : (
          children
        )}
      </SelectList>
    </Select>
  );
};
