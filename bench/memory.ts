/**
 * Retained heap per live call, in its own process:
 *   node --expose-gc --import tsx bench/memory.ts <variant> [count]
 * Prints one JSON line: { variant, count, bytesPerItem, heapDelta }.
 *
 * Variants, all mid-call (main steps confirmed, the service answered, the
 * first PESEL digit given, the per-question timer armed):
 * - `bare`: the same machine as a bare actor (`createActor(createCallMachine(script))`);
 * - `session`: a session nobody has read the prompt of (a softphone bridge);
 * - `session+prompt`: the prompt rendered and cached, as on a desktop.
 */
import { createCallSession } from '../src/index.js';
import { bareMidCall } from './bare.js';
import { depsFor, loadScript, sessionMidCall } from './fixtures.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const collect = gc;

const variant = process.argv[2] ?? 'session';
const count = Number(process.argv[3] ?? 5_000);
const script = loadScript('fraud-alert');

async function make(i: number): Promise<{ stop(): void }> {
  switch (variant) {
    case 'bare':
      return bareMidCall(script, i);
    case 'session':
      return sessionMidCall(script, depsFor(script, i));
    case 'session+prompt': {
      const session = await sessionMidCall(script, depsFor(script, i));
      if (!session.prompt.say) throw new Error('no prompt');
      return session;
    }
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

function settle(): number {
  for (let i = 0; i < 4; i++) collect();
  return process.memoryUsage().heapUsed;
}

// Warm-up: code compiled, caches (the machine per script, formatters) filled.
for (let i = 0; i < 300; i++) (await make(-i)).stop();
createCallSession(script, depsFor(script)).stop();
const items: { stop(): void }[] = new Array<{ stop(): void }>(count);
const before = settle();
for (let i = 0; i < count; i++) items[i] = await make(i);
const after = settle();
const heapDelta = after - before;
console.log(JSON.stringify({ variant, count, heapDelta, bytesPerItem: heapDelta / count }));
for (const item of items) item.stop();
process.exit(0);
