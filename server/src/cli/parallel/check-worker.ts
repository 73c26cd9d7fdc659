/**
 * The worker side of `--jobs`: started early (it loads the engine while the main thread walks the folders),
 * it fills a workspace of its own with the whole workspace's texts, then checks batches from the shared
 * queue alongside the main thread, sending each batch's results as it goes.
 */
import { parentPort } from 'node:worker_threads';
import { Linter } from '../../engine/linter';
import type { RuleRegistry } from '../../engine/registry';
import { nodeHost } from '../../host/node-host';
import { prepareParsers } from '../../host/shell-parser';
import { checkQueue } from './check-queue';
import type { FromWorker, ToWorker } from './protocol';
import { sharedFiles } from './shared-texts';
import { WorkQueue } from './work-queue';

export function serveChecks(registry: RuleRegistry): void {
  const port = parentPort;
  if (!port) throw new Error('the check worker runs in a worker thread');
  const linter = new Linter(registry, nodeHost);
  // The workspace message comes first; batches wait for the parsers its kinds need.
  let ready: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'workspace') {
      const paths: string[] = [];
      // The same order as the main thread's workspace: cross-file rules meet the files in the same order.
      for (const file of sharedFiles(message.texts)) {
        linter.workspace.set(file.path, file.text);
        paths.push(file.path);
      }
      // Each file is checked once, and the script checkers read the main thread's parses, not these.
      linter.workspace.keepParses();
      ready = prepareParsers(paths.map((path) => linter.workspace.classification(path)?.kind));
      return;
    }
    const { paths, units, groups, state, thread, threads, record } = message;
    const queue = new WorkQueue(state, groups, thread, threads, 1);
    const send = (results: FromWorker) => port.postMessage(results);
    // A failure to load the parsers rejects unhandled: it fails the worker, and the run.
    void ready.then(() => checkQueue(linter, queue, { paths, units }, record, send));
  });
}
