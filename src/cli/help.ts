import { PERSONA_NAMES } from '../testing/personas.js';

/**
 * `safecall --help` and `safecall <command> --help`.
 *
 * @example
 * ```ts
 * io.stdout(HELP.report);
 * ```
 */
export const HELP = {
  main: `Usage: safecall <command> [options]

Test, review and audit safecall call scripts.

Commands:
  validate <script.json>     check a call script against the schema and the safety rules
  diagram <script.json>      print the script's call flow as a Mermaid state diagram
  simulate <script.json>     play a call with a simulated customer and print the transcript
  paths <script.json>        count the paths through the script and their outcomes
  report <audit.jsonl>       summarise the audit trail of many calls for a quality review

Run "safecall <command> --help" for a command's options.

Exit codes: 0 ok, 1 invalid input (script or audit file), 2 usage error.`,

  validate: `Usage: safecall validate <script.json>

Validates a call script: the schema (every problem with its path) and the
safety rules (no question or prompt may ask for the full PESEL, a PIN, a
password, a one-time code, a card number or a CVV).

Exit codes: 0 valid, 1 invalid or unsafe script or malformed JSON, 2 usage error.`,

  diagram: `Usage: safecall diagram <script.json> [--markdown]

Prints the script's call flow as Mermaid stateDiagram-v2 text, for review in
GitHub, GitLab or a wiki.

Options:
  --markdown    wrap the diagram in a \`\`\`mermaid code fence`,

  simulate: `Usage: safecall simulate <script.json> [--persona <name>] [--seed <n>] [--start <iso>] [--json]

Plays a call against the script with a simulated customer, a simulated clock
and an in-memory verifier, and prints the transcript (digits and answers the
customer gives are shown as [digit given] / [answer given]).

Options:
  --persona <name>   the simulated customer (default: cooperative); one of:
                     ${PERSONA_NAMES.join(', ')}
  --seed <n>         seeds challenge positions and references (default: 1)
  --start <iso>      when the call starts (default: Monday 2026-11-23 14:00 Warsaw)
  --json             print the result as JSON (transcript, outcome, audit events)`,

  paths: `Usage: safecall paths <script.json> [--seed <n>] [--json]

Enumerates the paths through the script's state machine (every route through
each main step, joined to a representative route before and after it) and
prints how many end in each outcome, and how many distinct full paths exist.

Options:
  --seed <n>   seeds the PESEL positions the paths use (default: 1)
  --json       print the counts and every path (steps, events, outcome) as JSON`,

  report: `Usage: safecall report <audit.jsonl> [--script <script.json>]... [--json]

Reads an audit trail (JSON Lines, one audit event per line, as written by
jsonlAuditSink) as a stream and prints the quality numbers: outcomes,
verification pass rate, time to verify, unsafe-place and callback rates,
mutual verification and script adherence, per agent and per script version.
Progress goes to stderr for files over 10 MB or when stderr is a terminal.

Options:
  --script <file>   a script the calls ran (repeatable): adherence is checked
                    against its steps instead of the order observed in verified calls
  --json            print the summary as JSON`,
} as const;

/**
 * A command name.
 *
 * @example
 * ```ts
 * const name: CommandName = 'report';
 * ```
 */
export type CommandName = Exclude<keyof typeof HELP, 'main'>;
