import { diagramCommand } from './commands/diagram.js';
import { pathsCommand } from './commands/paths.js';
import { reportCommand } from './commands/report.js';
import { simulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';
import { HELP, type CommandName } from './help.js';
import { CliError, EXIT, type CliIo } from './io.js';

const COMMANDS: Record<CommandName, (args: string[], io: CliIo) => Promise<number>> = {
  validate: validateCommand,
  diagram: diagramCommand,
  simulate: simulateCommand,
  paths: pathsCommand,
  report: reportCommand,
};

/**
 * Runs the `safecall` command line and returns its exit code: 0 ok, 1
 * invalid input (script, audit file), 2 usage error.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(`${HELP.main}\n`);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = args[0] as CommandName | undefined;
    io.stdout(`${topic && Object.hasOwn(COMMANDS, topic) ? HELP[topic] : HELP.main}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.stderr(`safecall: unknown command "${command}"\n\n${HELP.main}\n`);
    return EXIT.usage;
  }
  try {
    return await COMMANDS[command as CommandName]([...args], io);
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
