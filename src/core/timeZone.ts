// IANA zone names already checked: a policy is validated many times with the same zone.
// The product's own zone (DESIGN §5) and UTC are known to every runtime safecall
// supports; trying them would build the process's first Intl object, which loads
// the time-zone data — the largest part of a cold first defineScript after the lint.
const SEEDED: readonly (readonly [string, boolean])[] = [
  ['Europe/Warsaw', true],
  ['UTC', true],
];
const known = new Map<string, boolean>(SEEDED);

/**
 * Whether `timeZone` is an IANA time zone this runtime knows (`'Europe/Warsaw'`).
 * Memoised: building an `Intl.DateTimeFormat` per check costs more than a
 * whole prompt render.
 */
export function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size > 512) {
      known.clear();
      for (const [zone, valid] of SEEDED) known.set(zone, valid);
    }
    known.set(timeZone, ok);
  }
  return ok;
}
