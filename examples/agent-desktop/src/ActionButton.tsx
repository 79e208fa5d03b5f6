import type { PromptAction } from 'safecall-pl';
import type { Shortcut } from './shortcuts.js';

const EVENT_CLASS: Partial<Record<PromptAction['event'], string>> = {
  CONFIRM: 'btn-primary',
  RETRY: 'btn-primary',
  RESUME: 'btn-primary',
  HANG_UP: 'btn-danger',
};

/** A button for one of the prompt's actions, its shortcut printed on it. */
export function ActionButton({ action, shortcut, disabled = false, onFire }: { action: PromptAction; shortcut: Shortcut | undefined; disabled?: boolean; onFire: (action: PromptAction) => void }) {
  return (
    <button
      type="button"
      className={`btn ${EVENT_CLASS[action.event] ?? ''}`}
      disabled={disabled}
      data-event={action.event}
      aria-keyshortcuts={shortcut ? (shortcut.shift ? `Shift+${shortcut.key.toUpperCase()}` : shortcut.key.toUpperCase()) : undefined}
      onClick={(event) => {
        // The second click of a double click lands on the next step's button: it is not an answer.
        if (event.detail > 1) return;
        onFire(action);
      }}
    >
      <span>{action.label}</span>
      {shortcut && <kbd aria-hidden="true">{shortcut.label}</kbd>}
    </button>
  );
}
