import type { RandomSource } from '../core/random.js';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A new session id: 128 random bits as 32 hex digits. */
export function randomId(random: RandomSource): string {
  const words = random.getRandomValues(new Uint32Array(4));
  // A byte table: toString(16) per word is slow on the session-start path.
  let id = '';
  for (const w of words) id += HEX[w >>> 24]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
  return id;
}
