/**
 * A seeded 53-bit hash of a session id, as a number in [0, 1): the random
 * priority a call gets in a sample. cyrb53 (public domain, by bryc): small,
 * fast, good avalanche; not cryptographic, so pick the seed after the period
 * under review, when nobody could have chosen session ids to dodge it.
 *
 * @example
 * ```ts
 * sampleKey(42, 'c-1001'); // e.g. 0.7315…, the same on every machine
 * ```
 */
export function sampleKey(seed: number, sessionId: string): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  let h1 = 0xdeadbeef ^ low;
  let h2 = 0x41c6ce57 ^ high ^ low;
  for (let i = 0; i < sessionId.length; i++) {
    const ch = sessionId.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (0x1f_ffff & h2) / 0x20_0000 + (h1 >>> 0) / 0x20_0000_0000_0000;
}
