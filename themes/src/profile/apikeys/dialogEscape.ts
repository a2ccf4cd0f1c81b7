/**
 * A form dialog's Escape handler: Escape in a menu (the role list) or a popover (the calendar) closes that, not the
 * dialog with what the user typed.
 */
export const escapeOutsidePopups = (onClose: () => void) => (event: KeyboardEvent) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!event.defaultPrevented && !target?.closest(".pf-v5-c-menu, .pf-v5-c-popover")) onClose();
};
