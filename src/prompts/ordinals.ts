// "cyfra" is feminine: the ordinals agree with it (DESIGN §5).
const PL_NOMINATIVE = ['pierwsza', 'druga', 'trzecia', 'czwarta', 'piąta', 'szósta', 'siódma', 'ósma', 'dziewiąta', 'dziesiąta', 'jedenasta'] as const;
const PL_ACCUSATIVE = ['pierwszą', 'drugą', 'trzecią', 'czwartą', 'piątą', 'szóstą', 'siódmą', 'ósmą', 'dziewiątą', 'dziesiątą', 'jedenastą'] as const;
const PL_GENITIVE = ['pierwszej', 'drugiej', 'trzeciej', 'czwartej', 'piątej', 'szóstej', 'siódmej', 'ósmej', 'dziewiątej', 'dziesiątej', 'jedenastej'] as const;
const EN_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh'] as const;

// Cardinals said as words up to ten; the gender is the counted noun's.
const PL_FEMININE = ['jedną', 'dwie', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć', 'dziesięć'] as const;
const PL_NEUTER = ['jedno', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć', 'dziesięć'] as const;
const EN_CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'] as const;

/**
 * "piąta" — the nominative feminine ordinal for "cyfra" ("Piąta cyfra?").
 * Positions outside 1–11 (never asked) fall back to the number.
 *
 * @example
 * ```ts
 * plOrdinalNominative(5); // 'piąta'
 * ```
 */
export function plOrdinalNominative(position: number): string {
  return PL_NOMINATIVE[position - 1] ?? String(position);
}

/**
 * "piątą" — the accusative feminine ordinal ("Proszę podać piątą cyfrę").
 *
 * @example
 * ```ts
 * plOrdinalAccusative(9); // 'dziewiątą'
 * ```
 */
export function plOrdinalAccusative(position: number): string {
  return PL_ACCUSATIVE[position - 1] ?? String(position);
}

/**
 * "jedenastej" — the genitive feminine ordinal ("Jedenastej cyfry nie podam").
 *
 * @example
 * ```ts
 * plOrdinalGenitive(11); // 'jedenastej'
 * ```
 */
export function plOrdinalGenitive(position: number): string {
  return PL_GENITIVE[position - 1] ?? String(position);
}

/**
 * "fifth" — the English ordinal of a PESEL position.
 *
 * @example
 * ```ts
 * enOrdinal(10); // 'tenth'
 * ```
 */
export function enOrdinal(position: number): string {
  return EN_ORDINALS[position - 1] ?? String(position);
}

/**
 * Polish plural form for a count: 1 → `one`, 2–4 (not 12–14, also 22–24…) →
 * `few`, otherwise `many`.
 *
 * @example
 * ```ts
 * plPlural(3, 'cyfrę', 'cyfry', 'cyfr'); // 'cyfry'
 * plPlural(5, 'cyfrę', 'cyfry', 'cyfr'); // 'cyfr'
 * ```
 */
export function plPlural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const lastTwo = n % 100;
  const last = n % 10;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}

/**
 * A count of digits in the accusative, in words up to ten: "jedną cyfrę",
 * "dwie cyfry", "pięć cyfr".
 *
 * @example
 * ```ts
 * plDigits(2); // 'dwie cyfry'
 * ```
 */
export function plDigits(n: number): string {
  return `${PL_FEMININE[n - 1] ?? String(n)} ${plPlural(n, 'cyfrę', 'cyfry', 'cyfr')}`;
}

/**
 * A count of (verification) questions, in words up to ten: "jedno pytanie
 * weryfikacyjne", "trzy pytania weryfikacyjne", "pięć pytań weryfikacyjnych".
 *
 * @example
 * ```ts
 * plQuestions(3); // 'trzy pytania weryfikacyjne'
 * ```
 */
export function plQuestions(n: number): string {
  return `${PL_NEUTER[n - 1] ?? String(n)} ${plPlural(n, 'pytanie weryfikacyjne', 'pytania weryfikacyjne', 'pytań weryfikacyjnych')}`;
}

/**
 * An English cardinal in words up to ten.
 *
 * @example
 * ```ts
 * enNumber(3); // 'three'
 * ```
 */
export function enNumber(n: number): string {
  return EN_CARDINALS[n - 1] ?? String(n);
}
