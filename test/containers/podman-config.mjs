// Podman's settings for one test run, written into `dir` and handed to podman through the
// environment (CONTAINERS_CONF / CONTAINERS_STORAGE_CONF), so no machine-wide file is touched.
// runc and lowered ulimits are what works on these machines (see ../shared/ENVIRONMENT.md §3):
// crun fails, and without lowered ulimits `run` fails setting rlimits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir */
export function writePodmanConfig(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'containers.conf'),
    '[containers]\ndefault_ulimits = ["nofile=1024:1024","nproc=1024:1024"]\n[engine]\nruntime = "runc"\n',
  );
  writeFileSync(
    join(dir, 'storage.conf'),
    `[storage]\ndriver = "vfs"\nrunroot = "${dir}/run"\ngraphroot = "${dir}/root"\n`,
  );
  return { CONTAINERS_CONF: join(dir, 'containers.conf'), CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf') };
}
