#!/usr/bin/env node
/** `shipshape` on the command line: the same engine as the language server, for CI. */
import { readFileSync } from 'node:fs';
// Named imports: the bundles then hold these fields, not the whole manifest.
import { version } from '../../package.json';
import { parseArgs, USAGE, UsageError } from './cli/args';
import { MissingPathError } from './host/collect-files';
import { formatRules } from './cli/rules-list';
import { runCheck } from './cli/run-check';
// The engine, loaded on first use (a chunk of its own in the build): see cli/checker.ts.
import * as checker from './cli/checker';
import { CHECK_WORKER_ARGUMENT } from './cli/parallel/protocol';
import { setCheckRunFlags } from './host/v8-flags';
import { cacheUsedCode } from './host/chunk-loader';

async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${USAGE}`);
    throw error;
  }
  switch (command.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'rules':
      setCheckRunFlags();
      process.stdout.write(`${formatRules(checker.registry, command.format)}\n`);
      return 0;
    case 'check': {
      setCheckRunFlags();
      const color = command.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
      try {
        const stdin = command.stdin ? readFileSync(0, 'utf8') : undefined;
        const outcome = await runCheck(command, color, __filename, process.cwd(), stdin);
        for (const notice of outcome.notices) process.stderr.write(`shipshape: ${notice}\n`);
        if (outcome.stdout !== '') process.stdout.write(`${outcome.stdout}\n`);
        // Once per installation: the engine's code cache then holds what this check compiled (chunk-loader.ts).
        cacheUsedCode();
        return outcome.exitCode;
      } catch (error) {
        if (error instanceof MissingPathError) return fail(error.message);
        throw error;
      }
    }
  }
}

function fail(message: string): number {
  process.stderr.write(`shipshape: ${message}\n`);
  return 2;
}

// The same script runs the worker threads of `--jobs` (parallel/check-worker.ts), started with this argument.
if (!process.argv.includes(CHECK_WORKER_ARGUMENT)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // Exit code 2 and one line: an internal error must not look like "findings found".
      process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  checker.serveChecks(checker.registry);
}
