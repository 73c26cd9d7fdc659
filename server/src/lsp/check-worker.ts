import { parentPort, workerData } from 'node:worker_threads';
import { PARSING } from '../engine/linter';
import type { RuleRegistry } from '../engine/registry';
import { PARSING_STEP, type FromWorker, type ToWorker, type WorkerData } from './check-protocol';
import { readsRecorder } from './dependents';
import { heapUsedAfterCollection } from './heap';
import { KnownScriptComments } from './known-script-comments';
import { WarmUp } from './warm-up';
import { WorkspaceMirror } from './workspace-mirror';

/** Checks asked for right after start-up (the files open in the editor) run before the workspace is read. */
const INDEX_AFTER_MS = 50;

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
  send({ kind: 'ready' });
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'heapUsage') {
      send({ kind: 'heapUsage', id: message.id, heapUsed: heapUsedAfterCollection() });
      return;
    }
    if (message.kind === 'loadFolders') {
      // Read after the checks already asked for, so the first file's diagnostics do not wait for
      // thousands of others; cross-file rules wait until then rather than judge a part of the workspace.
      mirror.linter.workspaceIndexed = false;
      setTimeout(() => {
        mirror.apply(message, log);
        mirror.linter.workspaceIndexed = true;
        send({ kind: 'indexed' });
      }, INDEX_AFTER_MS);
      return;
    }
    if (message.kind === 'scriptComments') {
      scriptComments.add(message.entries);
      return;
    }
    if (message.kind !== 'lint') {
      if (message.kind === 'closed') scriptComments.forget(message.path);
      mirror.apply(message, log);
      return;
    }
    try {
      warmUp.kind(mirror.linter.workspace.classification(message.path)?.kind);
    } catch (error) {
      log(`Warming up the checker failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    }
  });
}
