import { parentPort, workerData } from 'node:worker_threads';
import { PARSING } from '../engine/linter';
import { cacheUsedCode } from '../host/chunk-loader';
import { prepareParsers } from '../host/shell-parser';
import type { RuleRegistry } from '../engine/registry';
import { PARSING_STEP, type FromWorker, type ToWorker, type WorkerData } from './check-protocol';
import { readsRecorder } from './dependents';
import { heapUsedAfterCollection } from './heap';
import { KnownScriptComments } from './known-script-comments';
import { WarmUp } from './warm-up';
import { WorkspaceMirror } from './workspace-mirror';

/**
 * The workspace is read (thousands of files, for cross-file rules) once the documents opened so far have
 * had their first check, at least this long after the folders arrived: the first diagnostics do not wait
 * for it (issue 16). The client pulls an opened file's diagnostics only after asking for its settings.
 */
const INDEX_AFTER_MS = 50;
/** ... and at the latest this long after: an opened document that is never checked does not hold it up. */
const INDEX_AT_THE_LATEST_MS = 1500;

/**
 * The checking worker's loop: a mirror of the server's workspace, kept in step by its messages, and
 * checks run one at a time. Before each rule it writes the rule's index where the server can read it
 * without a message, so that a check stuck in one rule can be named after the worker is stopped.
 */
export function runCheckWorker(registry: RuleRegistry): void {
  const port = parentPort;
  if (!port) throw new Error('the check worker runs in a worker thread');
  const step = new Int32Array((workerData as WorkerData).step);
  const index = new Map(registry.all.map((rule, position) => [rule.id, position + 1]));
  const mirror = new WorkspaceMirror(registry);
  const send = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => send({ kind: 'log', message });
  const scriptComments = new KnownScriptComments();

  const warmUp = new WarmUp(registry);
  /** Until the parsers are loaded, the kinds to warm up wait (checks wait too: see `ready` below). */
  let waitingToWarm: string[] | undefined = [];
  const warm = (path: string) => {
    if (waitingToWarm) {
      waitingToWarm.push(path);
      return;
    }
    try {
      warmUp.kind(mirror.linter.workspace.classification(path)?.kind);
    } catch (error) {
      log(`Warming up the checker failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** Opened documents not checked yet: the workspace is read after them. */
  const unchecked = new Set<string>();
  let pendingIndex: { folders: Extract<ToWorker, { kind: 'loadFolders' }>; since: number } | undefined;
  let indexTimer: NodeJS.Timeout | undefined;
  const indexLater = () => {
    clearTimeout(indexTimer);
    if (!pendingIndex) return;
    const waited = Date.now() - pendingIndex.since;
    const delay = unchecked.size > 0 ? INDEX_AT_THE_LATEST_MS - waited : INDEX_AFTER_MS - waited;
    indexTimer = setTimeout(indexNow, Math.max(0, delay));
  };
  const indexNow = () => {
    if (!pendingIndex) return;
    const { folders } = pendingIndex;
    pendingIndex = undefined;
    mirror.apply(folders, log);
    mirror.linter.workspaceIndexed = true;
    send({ kind: 'indexed' });
  };
  let firstOpened = false;
  let codeCached = false;
  // The shell parser's WebAssembly loads while the server answers `initialize`; the server sends no check
  // before `ready`. Should it fail to load, Dockerfile checks fail (an internal-error finding) and say why.
  void prepareParsers(['dockerfile'])
    .catch((error: unknown) =>
      log(
        `Loading the shell parser failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
    )
    .then(() => {
      const paths = waitingToWarm ?? [];
      waitingToWarm = undefined;
      for (const path of paths) warm(path);
      send({ kind: 'ready' });
    });
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'heapUsage') {
      send({ kind: 'heapUsage', id: message.id, heapUsed: heapUsedAfterCollection() });
      return;
    }
    if (message.kind === 'loadFolders') {
      // Read after the first checks of the open files, so their diagnostics do not wait for thousands of
      // others; cross-file rules wait until then rather than judge a part of the workspace.
      mirror.linter.workspaceIndexed = false;
      pendingIndex = { folders: message, since: Date.now() };
      indexLater();
      return;
    }
    if (message.kind === 'scriptComments') {
      scriptComments.add(message.entries);
      return;
    }
    if (message.kind !== 'lint') {
      if (message.kind === 'closed') {
        scriptComments.forget(message.path);
        unchecked.delete(message.path);
      }
      mirror.apply(message, log);
      if (message.kind === 'open') {
        unchecked.add(message.path);
        // The first document's kind loads while the server asks the client for its settings, before
        // its check is asked for; other kinds load with their first check, so as not to delay it.
        if (!firstOpened) {
          firstOpened = true;
          warm(message.path);
        }
      }
      indexLater();
      return;
    }
    warm(message.path);
    // From here the check is timed: reading its config files and the file counts as parsing it.
    Atomics.store(step, 0, PARSING_STEP);
    send({ kind: 'started', id: message.id });
    try {
      const onRule = (ruleId: string) =>
        Atomics.store(step, 0, ruleId === PARSING ? PARSING_STEP : (index.get(ruleId) ?? 0));
      const recorder = readsRecorder();
      const result = mirror.linter.lint(message.path, message.rules, { onRule, observer: recorder.observer });
      const reads = recorder.reads(result.file?.kind);
      if (message.programs !== undefined) {
        const settled = scriptComments.settle(mirror.linter, result, message.rules, message.programs);
        send({ kind: 'result', id: message.id, reads, ...settled });
      } else send({ kind: 'result', id: message.id, reads, findings: result.findings });
    } catch (error) {
      send({
        kind: 'failed',
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    } finally {
      Atomics.store(step, 0, 0);
      unchecked.delete(message.path);
      indexLater();
      // Once, after the answer: the code cache then holds what the first check compiled (chunk-loader.ts).
      if (!codeCached) setImmediate(cacheUsedCode);
      codeCached = true;
    }
  });
}
