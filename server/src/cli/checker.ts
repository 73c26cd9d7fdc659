/**
 * Everything of the engine that `shipshape check` and `shipshape rules` need, behind one module: the build
 * makes it a lazy chunk (dist/chunks/checker.js, see esbuild-lazy.mjs), so that `--version`, `--help` and a
 * check that finds nothing to check (an empty folder, a folder of other files) load none of the rules and
 * parsers (issue 16: start-up within a few milliseconds of Node's own). The CLI's front end (cli.ts,
 * run-check.ts, the walk and the report formats) reaches the engine only through here.
 */
import { Linter } from '../engine/linter';
import { registry } from '../rules';
import { nodeHost } from '../host/node-host';
import { collectGarbageSooner } from '../host/v8-flags';

export { registry };
export { isIgnoredByConfig } from '../engine/config';
export { sortFindings } from '../engine/check';
export { ScriptRunner } from '../host/script-runner';
export { scriptPrograms } from '../host/script-programs';
export { scriptCheckerFindings } from '../host/script-lint';
export { prepareParsers } from '../host/shell-parser';
export { applyAutomaticFixes } from './fix/apply-fixes';
export { openCache } from './cache/open-cache';
export { checkFiles } from './check-files';
export { serveChecks } from './parallel/check-worker';
export { CheckPool, LONG_RUN_CHARACTERS, MIN_FILES_PER_THREAD, threadCount } from './parallel/check-pool';
export { formatCheckstyle, formatGithub, formatGitlab, formatJunit } from './ci-formats';

/** This module's own script: the built chunk holds the engine, so the cache's key covers it (open-cache.ts). */
export const CHECKER_SCRIPT = __filename;

/** A linter over the real filesystem with every rule. */
export function createLinter(): Linter {
  collectGarbageSooner();
  return new Linter(registry, nodeHost);
}
