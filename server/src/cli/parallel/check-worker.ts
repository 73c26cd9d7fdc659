/** The worker side of `--jobs`: a Linter of its own over the whole workspace, checking the paths it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { Linter } from '../../engine/linter';
import type { RuleRegistry } from '../../engine/registry';
import { nodeHost } from '../../host/node-host';
import { prepareParsers } from '../../host/shell-parser';
import { checkHere } from '../check-files';
import type { WorkerRequest, WorkerSetup } from './protocol';

export function serveChecks(registry: RuleRegistry): void {
  const port = parentPort;
  if (!port) throw new Error('the check worker runs in a worker thread');
  const setup = workerData as WorkerSetup;
  const linter = new Linter(registry, nodeHost);
  // The same order as the main thread's workspace: cross-file rules meet the files in the same order.
  for (const file of setup.files) linter.workspace.set(file.path, file.text);
  // Requests wait in the port until it is listened to; a failure to load fails the worker, and the run.
  const kinds = setup.files.map((file) => linter.workspace.classification(file.path)?.kind);
  void prepareParsers(kinds).then(() =>
    port.on('message', (paths: WorkerRequest) => {
      port.postMessage(paths.map((path) => checkHere(linter, path, setup.record)));
    }),
  );
}
