/**
 * What the customer said that must not be seen: the digits of the current
 * attempt, the pending answer, and the digits revealed for mutual
 * verification. It lives beside the actor — never in its context, events or
 * snapshots — and is emptied when the call ends.
 */
export class Vault {
  // Made with the first digit: most of a call, and every call without a challenge, needs none.
  #digits: Map<number, string> | undefined;
  #answer: string | undefined;
  #revealed: { position: number; digit: string }[] = [];

  /** Records one digit of the current attempt. */
  putDigit(position: number, digit: string): void {
    (this.#digits ??= new Map()).set(position, digit);
  }

  /** Starts a new attempt: the digits of the last one are gone. */
  clearDigits(): void {
    this.#digits?.clear();
  }

  /** The digits given at `positions`, as the service takes them (absent positions are left out). */
  digitsAt(positions: readonly number[]): Record<number, string> {
    const answers: Record<number, string> = {};
    for (const position of positions) {
      const digit = this.#digits?.get(position);
      if (digit !== undefined) answers[position] = digit;
    }
    return answers;
  }

  putAnswer(value: string): void {
    this.#answer = value;
  }

  /** The pending answer ('' when none was given: "I don't know" or silence). */
  answer(): string {
    return this.#answer ?? '';
  }

  clearAnswer(): void {
    this.#answer = undefined;
  }

  putRevealed(digits: Record<number, string>): void {
    this.#revealed = Object.entries(digits)
      .map(([position, digit]) => ({ position: Number(position), digit }))
      .sort((a, b) => a.position - b.position);
  }

  /** The digits the agent may read out now (a copy). */
  revealed(): { position: number; digit: string }[] {
    return this.#revealed.map((r) => ({ ...r }));
  }

  clear(): void {
    this.#digits?.clear();
    this.#answer = undefined;
    this.#revealed = [];
  }
}
