// A private Podman for the containers end-to-end tests: its settings and storage in the run's
// scratch folder (CONTAINERS_CONF / CONTAINERS_STORAGE_CONF, as ../../containers/run.mjs does),
// handed to VS Code through the environment; its containers and images removed afterwards.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writePodmanConfig } from '../../containers/podman-config.mjs';
import { onCleanup, run } from './processes.mjs';

/** Resolves with the environment for the tests: Podman's settings, or the reason it is unavailable. */
export async function preparePodman(repoRoot, scratch) {
  await run('bash', [join(repoRoot, 'test/containers/setup.sh')]);
  if (spawnSync('sh', ['-c', 'command -v podman']).status !== 0)
    return { SHIPSHAPE_E2E_CONTAINERS_SKIP: 'podman is not installed and could not be installed' };
  const env = writePodmanConfig(join(scratch, 'podman'));
  onCleanup(() => {
    /** @type {import('node:child_process').SpawnSyncOptions} */
    const options = { env: { ...process.env, ...env }, stdio: 'ignore', timeout: 60_000 };
    spawnSync('podman', ['rm', '--all', '--force', '--time=0'], options);
    spawnSync('podman', ['rmi', '--all', '--force'], options);
  });
  return env;
}
