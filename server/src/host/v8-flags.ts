/**
 * The V8 flags Shipshape sets, in one place. V8's flags belong to the process (every thread sees them), and
 * V8 checks each code cache (server/src/host/chunk-loader.ts) against a hash of the flags that differ from
 * their defaults: a chunk cached under other flags than it is read under is compiled afresh and its cache
 * written again. So a flag is set either before any chunk loads in the process (the CLI: `setCheckRunFlags`)
 * or only once every chunk that loads without it has (the language server: see `untilMainThreadLoaded`).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * V8 compiles WebAssembly twice: at once with its baseline compiler (Liftoff), then hot functions again
 * with its optimising one (TurboFan). The bash grammar's lexer is one huge function, and optimising it
 * cost about 1 s of CPU in other threads, and slowed the first parses, for no faster parsing after
 * (the benchmark's 1,801 RUN scripts: 1.1–1.8 s of CPU in all, against 0.15–0.4 s with Liftoff only).
 * Set before the shell parser's modules compile; Shipshape runs no other WebAssembly.
 */
export function keepWebAssemblyBaseline(): void {
  setFlagsFromString('--liftoff-only');
}

/**
 * A check makes garbage as fast as it parses (every file's syntax trees outlive a few young-generation
 * collections, then die), and V8 lets the old generation grow to up to four times what is live before it
 * collects: most of a large run's peak memory (10,000 files: 500-600 MB, of which 100-130 MB live). Once
 * the heap has grown by half it collects instead, for about the same time (issue 16).
 */
export function collectGarbageSooner(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * A CLI run's flags, set before its engine's chunk loads, so that the main thread and the `--jobs` workers
 * (started after) load every chunk under the same flags. Set part-way through a run (the first when the
 * engine was made, the second when the first Dockerfile was), they made each run with workers reject and
 * rewrite the engine's cache twice: the workers the main thread's, the next run's main thread the workers'.
 */
export function setCheckRunFlags(): void {
  collectGarbageSooner();
  keepWebAssemblyBaseline();
}
