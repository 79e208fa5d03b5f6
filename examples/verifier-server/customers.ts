/**
 * The demo's customers. In a bank this is the core system's customer
 * database; here it is the only file of the demo that holds a PESEL, and it
 * lives on the server side: the desktop gets names and opaque references
 * (`/api/queue`), and the verification service looks a PESEL up per check.
 * The desktop build is scanned for these numbers (test/desktop/assets.test.ts).
 *
 * All numbers are made up (valid checksums, no real person).
 */
import type { CustomerDirectory } from 'safecall-pl/server';

/** One demo customer, as the bank's systems know them. */
export interface DemoCustomer {
  /** Opaque reference the desktop and the service use: never derived from the PESEL. */
  ref: string;
  name: string;
  /** How Polish prompts address the customer (Pan / Pani). */
  form: 'pan' | 'pani';
  pesel: string;
  /** Expected answers to the example scripts' questions. */
  answers: Readonly<Record<string, string>>;
  /** What the queue tells the agent about the call. */
  topic: { pl: string; en: string };
}

const answers = (year: string, city: string, meeting: string) => ({ 'account-opened-year': year, 'home-city': city, 'advisor-meeting-city': meeting });

/**
 * Jan Kowalski is the source article's customer: digits 5, 8, 9 are 1, 3, 8;
 * 10 and 11 are 3 and 4.
 */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { ref: 'c-4411', name: 'Jan Kowalski', form: 'pan', pesel: '85031583834', answers: answers('2009', 'Kraków', 'Kraków'), topic: { pl: 'Podejrzane transakcje kartą', en: 'Suspicious card transactions' } },
  { ref: 'c-5208', name: 'Anna Nowak', form: 'pani', pesel: '90072241768', answers: answers('2015', 'Gdańsk', 'Sopot'), topic: { pl: 'Wniosek o kredyt gotówkowy', en: 'Cash loan request' } },
  { ref: 'c-6137', name: 'Piotr Wiśniewski', form: 'pan', pesel: '78110292679', answers: answers('1999', 'Poznań', 'Poznań'), topic: { pl: 'Podejrzany przelew', en: 'Suspicious transfer' } },
  { ref: 'c-7024', name: 'Maria Wójcik', form: 'pani', pesel: '01240965027', answers: answers('2020', 'Wrocław', 'Wrocław'), topic: { pl: 'Logowanie z nowego urządzenia', en: 'Sign-in from a new device' } },
  { ref: 'c-8350', name: 'Tomasz Lewandowski', form: 'pan', pesel: '65123027417', answers: answers('1994', 'Łódź', 'Łódź'), topic: { pl: 'Zmiana limitu karty', en: 'Card limit change' } },
  { ref: 'c-9166', name: 'Ewa Kamińska', form: 'pani', pesel: '58051770944', answers: answers('1991', 'Warszawa', 'Warszawa'), topic: { pl: 'Przedłużenie lokaty (klient VIP)', en: 'Deposit renewal (VIP customer)' } },
  { ref: 'c-1093', name: 'Krzysztof Zieliński', form: 'pan', pesel: '72092846190', answers: answers('2003', 'Lublin', 'Lublin'), topic: { pl: 'Nietypowa wypłata z bankomatu', en: 'Unusual cash withdrawal' } },
];

/**
 * The service's view of the customers: a PESEL and the expected answers,
 * looked up per check and never stored.
 *
 * @example
 * ```ts
 * const service = createVerificationService({ customers: demoDirectory(DEMO_CUSTOMERS), scripts, attestationKey });
 * ```
 */
export function demoDirectory(customers: readonly DemoCustomer[]): CustomerDirectory {
  const byRef = new Map(customers.map((c) => [c.ref, c]));
  return {
    pesel: (ref) => byRef.get(ref)?.pesel,
    answer: (ref, questionId) => byRef.get(ref)?.answers[questionId],
  };
}

/** What the agent's call queue shows: no PESEL, no answer. */
export interface QueueEntry {
  ref: string;
  name: string;
  form: 'pan' | 'pani';
  topic: { pl: string; en: string };
}

/**
 * The queue the desktop loads (`GET /api/queue`).
 *
 * @example
 * ```ts
 * queueOf(DEMO_CUSTOMERS)[0]; // { ref: 'c-4411', name: 'Jan Kowalski', form: 'pan', topic: {...} }
 * ```
 */
export function queueOf(customers: readonly DemoCustomer[]): QueueEntry[] {
  return customers.map(({ ref, name, form, topic }) => ({ ref, name, form, topic }));
}
