/*
 * Keyboard shortcuts: one key per kind of answer, the same on every step and
 * in both languages, so an agent's hands learn them. Digits belong to the
 * digit pad on the digit step and to the offered callback times on a callback
 * step (the two never meet). Hanging up needs Shift: it ends the call.
 */
import type { PromptAction, SessionEventType } from 'safecall-pl';

export interface Shortcut {
  key: string;
  shift: boolean;
  /** As printed on the button. */
  label: string;
}

const BY_EVENT: Partial<Record<SessionEventType, Shortcut>> = {
  CONFIRM: { key: 'y', shift: false, label: 'Y' },
  DENY: { key: 'n', shift: false, label: 'N' },
  HOLD: { key: 'h', shift: false, label: 'H' },
  RESUME: { key: 'b', shift: false, label: 'B' },
  DONT_KNOW: { key: 'd', shift: false, label: 'D' },
  REQUEST_CALLBACK: { key: 's', shift: false, label: 'S' },
  CUSTOMER_WILL_CALL_BACK: { key: 'c', shift: false, label: 'C' },
  RETRY: { key: 'r', shift: false, label: 'R' },
  HANG_UP: { key: 'x', shift: true, label: 'Shift+X' },
};

/** The picker's "the customer asks for these" button. */
export const ASK_DIGITS: Shortcut = { key: 'a', shift: false, label: 'A' };

/**
 * The shortcut of each action of a prompt, in order. Callback times offered as
 * their own buttons take 1–9, in the order shown.
 */
export function shortcutsOf(actions: readonly PromptAction[]): (Shortcut | undefined)[] {
  let slot = 0;
  return actions.map((action) => {
    if (action.event === 'REQUEST_CALLBACK' && action.payload) {
      slot += 1;
      return slot <= 9 ? { key: String(slot), shift: false, label: String(slot) } : undefined;
    }
    return BY_EVENT[action.event];
  });
}

/** Whether a key event is `shortcut`. */
export function matches(event: KeyboardEvent, shortcut: Shortcut): boolean {
  return event.key.toLowerCase() === shortcut.key && event.shiftKey === shortcut.shift && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Keys typed into a field are text, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}
