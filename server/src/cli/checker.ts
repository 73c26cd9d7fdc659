/**
 * Everything of the engine that `shipshape check` and `shipshape rules` need, behind one module: the build
 * makes it a lazy chunk (dist/chunks/checker.js, see esbuild-lazy.mjs), so that `--version`, `--help` and a
 * check that finds nothing to check (an empty folder, a folder of other files) load none of the rules and
 * parsers (issue 16: start-up within a few milliseconds of Node's own). The CLI's front end (cli.ts,
 * run-check.ts, the walk and the report formats) reaches the engine only through here.
 */
import { setFlagsFromString } from 'node:v8';
import { Linter } from '../engine/linter';
import { registry } from '../rules';
import { nodeHost } from '../host/node-host';

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

/**
 * A check makes garbage as fast as it parses (every file's syntax trees outlive a few young-generation
 * collections, then die), and V8 lets the old generation grow to up to four times what is live before it
 * collects: most of a large run's peak memory (10,000 files: 500-600 MB, of which 100-130 MB live). Once
 * the heap has grown by half it collects instead, for about the same time (issue 16). V8's flags are the
 * process's: the worker threads started after this get it too.
 */
function collectGarbageSooner(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
