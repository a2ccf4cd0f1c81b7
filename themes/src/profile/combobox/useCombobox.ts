import { useEffect, useRef, useState, type KeyboardEvent } from "react";

// The keyboard part of PatternFly's typeahead select recipe, which the time-zone select and the role picker share:
// which option the arrow keys have reached (aria-activedescendant), and the attributes the inner <input> needs. What
// Enter, Escape and Backspace do differs between a single and a multiple choice and stays with each component.

/** The option the arrow keys move to from `current` (-1: none yet) among `count` options, wrapping round. */
export function nextOption(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return step > 0 ? 0 : count - 1;
  return (current + step + count) % count;
}

/**
 * `id` is the input's id; `count` the options shown now; `inputAttributes` are set on the <input> itself, because
 * TextInputGroupMain puts unknown props on its wrapper <div>.
 */
export function useCombobox(id: string, count: number, inputAttributes: Record<string, string | undefined>) {
  const [isOpen, setOpen] = useState(false);
  const [focused, setFocused] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const attributes = JSON.stringify(inputAttributes);
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.setAttribute("autocomplete", "off");
    for (const [name, value] of Object.entries(inputAttributes)) {
      if (value === undefined) input.removeAttribute(name);
      else input.setAttribute(name, value);
    }
  }, [attributes]);

  /** Arrow up and down: opens the list and moves through it; true when the key was one of them. */
  const moveOnArrow = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return false;
    event.preventDefault();
    if (!isOpen) setOpen(true);
    const next = nextOption(focused, event.key === "ArrowDown" ? 1 : -1, count);
    if (next >= 0) {
      setFocused(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    }
    return true;
  };

  return { isOpen, setOpen, focused, setFocused, inputRef, listId, optionId, moveOnArrow };
}
