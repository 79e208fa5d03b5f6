/**
 * Retained heap per live session, in its own process:
 *   node --expose-gc --import tsx bench/memory.ts <variant> [count]
 * Prints one JSON line: { variant, count, bytesPerItem, heapDelta }.
 *
 * Variants: `bare` (bare xstate actors of the same flow), `session` (safecall
 * sessions, nobody has read the prompt), `session+prompt` (the prompt was
 * rendered and is cached, as on a desktop). All are mid-call: main steps
 * confirmed, first PESEL digit given, the per-question timer armed.
 */
import { bareMidCall } from './bare.js';
import { depsFor, loadScript, sessionMidCall } from './fixtures.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const variant = process.argv[2] ?? 'session';
const count = Number(process.argv[3] ?? 10_000);
const script = loadScript('fraud-alert');

function make(i: number): { stop(): void } {
  switch (variant) {
    case 'bare':
      return bareMidCall(i);
    case 'session':
      return sessionMidCall(script, depsFor(i));
    case 'session+prompt': {
      const session = sessionMidCall(script, depsFor(i));
      void session.prompt;
      return session;
    }
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

function settle(): number {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage().heapUsed;
}

// Warm up: code compiled, caches (machine per script, strength tables) filled.
for (let i = 0; i < 200; i++) make(-i).stop();
const items: { stop(): void }[] = new Array(count);
const before = settle();
for (let i = 0; i < count; i++) items[i] = make(i);
const after = settle();
const heapDelta = after - before;
console.log(JSON.stringify({ variant, count, heapDelta, bytesPerItem: heapDelta / count }));
for (const item of items) item.stop();
process.exit(0);
