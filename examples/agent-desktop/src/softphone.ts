/*
 * A stand-in for the softphone: the "customer keypad" panel presses keys here,
 * and `connectKeypad` listens, exactly as it would listen to a softphone
 * SDK's DTMF events. Nothing here keeps or shows a key.
 */
import type { KeypadSource } from 'safecall-pl';

export interface DemoSoftphone extends KeypadSource {
  /** The customer pressed `key` on their phone. */
  press(key: string): void;
}

export function createDemoSoftphone(): DemoSoftphone {
  const listeners = new Set<(digit: string) => void>();
  return {
    press(key) {
      for (const listener of [...listeners]) listener(key);
    },
    subscribe(onDigit) {
      listeners.add(onDigit);
      return () => {
        listeners.delete(onDigit);
      };
    },
  };
}
