import { HELP, type CommandName } from './help.js';
import { CliError, EXIT, type CliIo } from './io.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand: `report` does not pay for xstate, `simulate` not for the chart library.
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  diagram: async () => (await import('./commands/diagram.js')).diagramCommand,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
  paths: async () => (await import('./commands/paths.js')).pathsCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  sample: async () => (await import('./commands/sample.js')).sampleCommand,
  trail: async () => (await import('./commands/trail.js')).trailCommand,
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/**
 * Runs the `safecall` command line in this process and returns its exit
 * code: 0 ok, 1 invalid input (script, audit file), 2 usage error, 70 a
 * bug. Output goes through `io`, so tests call it directly.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), stderrIsTTY: false });
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(`${HELP.main}\n`);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = args[0];
    io.stdout(`${topic !== undefined && isCommand(topic) ? HELP[topic] : HELP.main}\n`);
    return EXIT.ok;
  }
  if (!isCommand(command)) {
    io.stderr(`safecall: unknown command "${command.replace(/[^\x20-\x7e]/g, '?')}"\n\n${HELP.main}\n`);
    return EXIT.usage;
  }
  // Help needs no command module: it works even while one cannot load.
  if (args[0] === '--help' || args[0] === '-h') {
    io.stdout(`${HELP[command]}\n`);
    return EXIT.ok;
  }
  try {
    return await (await COMMANDS[command]())([...args], io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${[`safecall ${command}: ${error.message.replace(new RegExp(`^${command}: `), '')}`, ...error.details].join('\n')}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: say so plainly, without a stack trace that might quote data.
    io.stderr(`safecall ${command}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
}
