// A private Podman for the containers end-to-end tests: its settings and storage in the run's
// scratch folder (CONTAINERS_CONF / CONTAINERS_STORAGE_CONF, as ../../containers/run.mjs does),
// handed to VS Code through the environment; its containers and images removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup, run } from './processes.mjs';

/** Resolves with the environment for the tests: Podman's settings, or the reason it is unavailable. */
export async function preparePodman(repoRoot, scratch) {
  await run('bash', [join(repoRoot, 'test/containers/setup.sh')]);
  if (spawnSync('sh', ['-c', 'command -v podman']).status !== 0)
    return { SHIPSHAPE_E2E_CONTAINERS_SKIP: 'podman is not installed and could not be installed' };
  const dir = join(scratch, 'podman');
  mkdirSync(dir, { recursive: true });
  // runc and lowered ulimits: what works on these machines (see ../shared/ENVIRONMENT.md §3).
  writeFileSync(
    join(dir, 'containers.conf'),
    '[containers]\ndefault_ulimits = ["nofile=1024:1024","nproc=1024:1024"]\n[engine]\nruntime = "runc"\n',
  );
  writeFileSync(
    join(dir, 'storage.conf'),
    `[storage]\ndriver = "vfs"\nrunroot = "${dir}/run"\ngraphroot = "${dir}/root"\n`,
  );
  const env = { CONTAINERS_CONF: join(dir, 'containers.conf'), CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf') };
  onCleanup(() => {
    /** @type {import('node:child_process').SpawnSyncOptions} */
    const options = { env: { ...process.env, ...env }, stdio: 'ignore', timeout: 60_000 };
    spawnSync('podman', ['rm', '--all', '--force', '--time=0'], options);
    spawnSync('podman', ['rmi', '--all', '--force'], options);
  });
  return env;
}
