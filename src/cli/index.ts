#!/usr/bin/env node
/**
 * The `safecall` command line (Node only; never imported by the library's
 * entries). See `safecall --help`.
 *
 * @packageDocumentation
 */
import { main } from './main.js';

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
};

// SAFECALL_DEBUG=memory prints the peak memory at exit: how tests hold `report` to its memory budget.
if (process.env['SAFECALL_DEBUG']?.split(',').includes('memory')) {
  process.on('exit', () => process.stderr.write(`safecall: maxRSS ${process.resourceUsage().maxRSS} kB\n`));
}

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`safecall: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
