import { CENTURY_BY_BLOCK, WEIGHTS, daysInMonth } from './digits.js';

/*
 * Exact min-entropy of asked PESEL digits, for an attacker who knows some others.
 *
 * Prior: every valid PESEL equally likely, i.e. a uniform birth date in
 * 1800-01-01..2299-12-31 (digits 1–6) times a uniform serial 0000–9999
 * (digits 7–10), digit 11 fixed by the check sum. The two halves are
 * independent except through the check digit, which depends only on the sum
 * of the halves' weighted residues mod 10. So each half is summarised apart —
 * grouped by (known digits, asked digits, residue) — and the halves are joined
 * by a cyclic convolution over the residue. Nothing here assumes any digit is
 * uniform or independent: the counts come from enumerating the real dates and
 * serials.
 *
 * Known-mask bits: bit p-1 = position p is known; SEX_KNOWN = parity of digit 10 is known.
 */

/** Known-mask bit for "the attacker knows the holder's sex" (parity of digit 10). */
export const SEX_KNOWN = 0x800;

/** One half of a PESEL: `n` items, `cols` digits each, and each item's weighted residue mod 10. */
interface Half {
  n: number;
  cols: number;
  digits: Uint8Array;
  residue: Uint8Array;
}

/** A residue histogram as flat `[residue, count, residue, count, …]` pairs: most are sparse. */
type Histogram = number[];

/**
 * What the attacker can learn from one value of the known digits: `tot`
 * counts the items by residue, `vecs` are the distinct histograms of the items
 * sharing one value of the asked digits. Values of the known digits with the
 * same histograms are merged, which keeps the join small.
 */
interface Profile {
  total: number;
  tot: Histogram;
  vecs: Histogram[];
}

let halves: Half[] | undefined;
let profileCache: Map<number, Profile[]> | undefined;
let bitsCache: Map<number, number> | undefined;

function buildHalves(): Half[] {
  // 500 years of days, allocated generously and trimmed
  const dateDigits = new Uint8Array(6 * 183_000);
  const dateResidue = new Uint8Array(183_000);
  let n = 0;
  for (let year = 1800; year < 2300; year++) {
    const offset = 20 * CENTURY_BY_BLOCK.indexOf(year - (year % 100));
    for (let month = 1; month <= 12; month++) {
      const field = month + offset;
      for (let day = 1, last = daysInMonth(year, month); day <= last; day++) {
        const row = [((year / 10) | 0) % 10, year % 10, (field / 10) | 0, field % 10, (day / 10) | 0, day % 10];
        let sum = 0;
        for (let c = 0; c < 6; c++) {
          dateDigits[n * 6 + c] = row[c]!;
          sum += WEIGHTS[c]! * row[c]!;
        }
        dateResidue[n++] = sum % 10;
      }
    }
  }
  // serial digits 7–10, plus a fifth column: the parity of digit 10 (the sex)
  const serialDigits = new Uint8Array(5 * 10_000);
  const serialResidue = new Uint8Array(10_000);
  for (let s = 0; s < 10_000; s++) {
    const row = [(s / 1000) | 0, ((s / 100) | 0) % 10, ((s / 10) | 0) % 10, s % 10];
    let sum = 0;
    for (let c = 0; c < 4; c++) {
      serialDigits[s * 5 + c] = row[c]!;
      sum += WEIGHTS[6 + c]! * row[c]!;
    }
    serialDigits[s * 5 + 4] = row[3]! & 1;
    serialResidue[s] = sum % 10;
  }
  return [
    { n, cols: 6, digits: dateDigits.subarray(0, 6 * n), residue: dateResidue.subarray(0, n) },
    { n: 10_000, cols: 5, digits: serialDigits, residue: serialResidue },
  ];
}

function columns(mask: number): number[] {
  const out: number[] = [];
  for (let c = 0; mask >> c; c++) if ((mask >> c) & 1) out.push(c);
  return out;
}

/** Profiles of one half for the given known and asked column masks (memoised). */
function profilesOf(half: number, known: number, asked: number): Profile[] {
  const key = half * 4096 + known * 64 + asked;
  profileCache ??= new Map();
  let result = profileCache.get(key);
  if (result) return result;
  halves ??= buildHalves();
  const { n, cols, digits, residue } = halves[half]!;
  const order = [...columns(known), ...columns(asked)];
  // key = known digits, asked digits, residue as one decimal number: sorting it
  // makes each value of the known digits a run, and each asked value a sub-run
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const c of order) k = k * 10 + digits[i * cols + c]!;
    keys[i] = k * 10 + residue[i]!;
  }
  const size = 10 ** (order.length + 1);
  let distinct: Int32Array;
  let counts: Int32Array;
  if (size <= 100_000) {
    // counting beats sorting when the key space is small
    const dense = new Int32Array(size);
    for (let i = 0; i < n; i++) dense[keys[i]!]!++;
    let m = 0;
    for (let k = 0; k < size; k++) if (dense[k]) m++;
    distinct = new Int32Array(m);
    counts = new Int32Array(m);
    for (let k = 0, j = 0; k < size; k++) if (dense[k]) (distinct[j] = k), (counts[j++] = dense[k]!);
  } else {
    keys.sort();
    const d: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i && keys[i] === keys[i - 1]) c[c.length - 1]!++;
      else d.push(keys[i]!), c.push(1);
    }
    distinct = Int32Array.from(d);
    counts = Int32Array.from(c);
  }
  const runDiv = 10 ** (columns(asked).length + 1);
  const m = distinct.length;
  const seen = new Set<string>();
  result = [];
  for (let start = 0, end = 0; start < m; start = end) {
    const run = Math.floor(distinct[start]! / runDiv);
    const hists: Histogram[] = [];
    while (end < m && Math.floor(distinct[end]! / runDiv) === run) {
      const group = Math.floor(distinct[end]! / 10);
      const hist: Histogram = [];
      for (; end < m && Math.floor(distinct[end]! / 10) === group; end++) hist.push(distinct[end]! % 10, counts[end]!);
      hists.push(hist);
    }
    const sigs = hists.map((h) => h.join());
    if (known) {
      // runs with the same histograms (with multiplicity) condition alike: keep
      // one — the acquaintance's 182k birth dates come down to ten
      const id = [...sigs].sort().join('|');
      if (seen.has(id)) continue;
      seen.add(id);
    }
    const tot = new Array<number>(10).fill(0);
    for (const h of hists) for (let i = 0; i < h.length; i += 2) tot[h[i]!]! += h[i + 1]!;
    result.push({
      total: tot.reduce((a, b) => a + b, 0),
      tot: tot.flatMap((c, r) => (c ? [r, c] : [])),
      vecs: [...new Map(hists.map((h, i) => [sigs[i]!, h])).values()],
    });
  }
  profileCache.set(key, result);
  return result;
}

/** out[t] = Σ x[r]·y[s] over r + s ≡ t (mod 10): how many pairs have residues summing to t. */
function conv(out: number[], x: Histogram, y: Histogram): number[] {
  out.fill(0);
  for (let i = 0; i < x.length; i += 2) for (let j = 0; j < y.length; j += 2) out[(x[i]! + y[j]!) % 10]! += x[i + 1]! * y[j + 1]!;
  return out;
}

/** Largest share of one profile list taken by a single asked value, ignoring residues. */
function bestShare(list: Profile[]): [number, number] {
  let num = 0;
  let den = 1;
  for (const p of list) {
    for (const v of p.vecs) {
      let m = 0;
      for (let i = 1; i < v.length; i += 2) m += v[i]!;
      if (m * den > num * p.total) (num = m), (den = p.total);
    }
  }
  return [num, den];
}

/**
 * Bits the attacker must guess: min over values of the known digits of
 * −log2(max P(asked digits = a | known digits)). `asked` must not overlap `known`.
 */
export function strengthBits(known: number, asked: number): number {
  if (!asked) return 0;
  const key = known * 2048 + asked;
  bitsCache ??= new Map();
  const cached = bitsCache.get(key);
  if (cached !== undefined) return cached;
  const dates = profilesOf(0, known & 0x3f, asked & 0x3f);
  const serials = profilesOf(1, ((known >> 6) & 0xf) | ((known & SEX_KNOWN) >> 7), (asked >> 6) & 0xf);
  let num = 0;
  let den = 1;
  const take = (m: number, d: number): void => {
    if (m / d > num / den) (num = m), (den = d);
  };
  if (!((known | asked) & 0x400)) {
    // the check digit is out of play, so the halves are independent: shares multiply
    const [dn, dd] = bestShare(dates);
    const [sn, sd] = bestShare(serials);
    (num = dn * sn), (den = dd * sd);
  } else {
    const sums = new Array<number>(10);
    const best = new Array<number>(10);
    for (const p of dates) {
      for (const q of serials) {
        best.fill(0);
        for (const x of p.vecs) {
          for (const y of q.vecs) {
            conv(sums, x, y);
            for (let t = 0; t < 10; t++) best[t] = Math.max(best[t]!, sums[t]!);
          }
        }
        if (asked & 0x400) {
          // the attacker also guesses digit 11: each residue sum t is one guess of it
          for (let t = 0; t < 10; t++) take(best[t]!, p.total * q.total);
        } else {
          // digit 11 is known: worst case over its value, i.e. over the residue sum t
          conv(sums, p.tot, q.tot);
          for (let t = 0; t < 10; t++) if (sums[t]) take(best[t]!, sums[t]!);
        }
      }
    }
  }
  const bits = Math.log2(den / num);
  bitsCache.set(key, bits);
  return bits;
}
