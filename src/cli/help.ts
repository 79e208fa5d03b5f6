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
  report <audit…>            summarise the audit trail of many calls; --html for a page with charts
  sample <audit…>            draw a reproducible random sample of calls for review
  trail <audit…> --session   print one call's trail as a reviewer reads it

Run "safecall <command> --help" for a command's options.

<audit…> is one or more JSON Lines audit files (as jsonlAuditSink writes
them), .jsonl.gz files, or directories of them (read in name order).

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

  report: `Usage: safecall report <audit…> [--script <script.json>]... [--html <file>] [--json]

Reads audit trails (JSON Lines files, .jsonl.gz files, or directories of
them) as a stream and prints the quality numbers: outcomes, verification pass
rate, time to verify, unsafe-place and callback rates, mutual verification
and script adherence, per agent and per script version. Progress goes to
stderr for inputs over 10 MB or when stderr is a terminal.

Every line is validated. A torn line (a writer died mid-write) is skipped and
reported by file and line number; a line that is not an audit event stops the
report (exit 1) naming its file and line, never its content.

Options:
  --script <file>         a script the calls ran (repeatable): adherence is checked
                          against its steps instead of the order observed in verified calls
  --html <file>           also write the report as one self-contained HTML page with charts
  --json                  print the summary as JSON
  --skip-invalid          skip lines that are not audit events (reported by number)
  --max-line-bytes <n>    longest line read (default 1048576); longer lines are invalid`,

  sample: `Usage: safecall sample <audit…> [--size <n>] [--per agent|script|outcome] [--seed <n>] [filters] [--trails] [--json]

Draws a random sample of ended calls for a quality review and prints their
session ids with agent, script version and outcome. The same seed and the
same calls give the same sample (in any file order); with --per, each agent,
script version or outcome is sampled on its own (a smaller one is taken
whole), and the table of strata shows how many calls each sampled call
stands for. Reads the files once, in memory bounded by the sample.

Options:
  --size <n>                calls per stratum (default 5)
  --per <stratum>           agent, script (script version) or outcome
  --seed <n>                an integer; without it a seed is drawn and printed
  --agent <id>              only this agent's calls (repeatable)
  --script-key <id[@v]>     only calls of this script or script version (repeatable)
  --outcome <kind>          only calls with this outcome (repeatable)
  --since <date>, --until <date>
                            only calls that ended in [since, until) (ISO date or instant)
  --trails                  also print every sampled call's trail (a second, fast pass)
  --json                    print the sample as JSON
  --skip-invalid            skip lines that are not audit events (reported by number)`,

  trail: `Usage: safecall trail <audit…> --session <id> [--session <id>]... [--json]

Prints the trail of one or more calls: every audit event in order, with the
time since the call began and what happened in plain words (positions asked,
digits given by voice or keypad, passes and failures, reveals, outcome) —
never a digit or an answer, which the trail does not hold. One pass over the
files; only blocks that contain a requested session id are parsed.

Options:
  --session <id>    the call's session id (repeatable)
  --json            print the events as JSON
  --skip-invalid    skip lines that are not audit events (reported by number)`,
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
