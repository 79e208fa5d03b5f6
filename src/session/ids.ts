import type { RandomSource } from '../core/random.js';

// '0'-'9', 'a'-'f' as char codes.
const HEX = Array.from({ length: 16 }, (_, n) => (n < 10 ? 48 + n : 87 + n));

// Reused: the words are read at once, and a typed array per session start showed in its profile.
const WORDS = new Uint32Array(4);

/** A new session id: 128 random bits as 32 hex digits. */
export function randomId(random: RandomSource): string {
  const words = random.getRandomValues(WORDS);
  // One flat string from char codes: `+=` would keep a tree of partial strings
  // alive for the life of the session (about 150 bytes more per live call).
  const codes: number[] = [];
  for (const w of words) for (let shift = 28; shift >= 0; shift -= 4) codes.push(HEX[(w >>> shift) & 15]!);
  return String.fromCharCode(...codes);
}
