#!/usr/bin/env node
// `npm run test:containers`: the container commands' core against real engines, Docker and Podman.
//
// Sets the engines up itself (setup.sh installs the packages when missing), each private to this
// run: a dockerd on its own socket with vfs storage under a temporary folder, and Podman configured
// through CONTAINERS_CONF / CONTAINERS_STORAGE_CONF in the same folder. Runs test/containers/*.test.ts
// with node:test, then tears everything down (containers, daemon, storage), also on Ctrl-C.
// An engine is skipped, with the reason printed, only when it is not installed and cannot be.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePodmanConfig } from './podman-config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const say = (message) => console.log(`[containers] ${message}`);
const root = mkdtempSync(join(tmpdir(), 'shipshape-engines-'));
const env = { ...process.env };
let dockerd;

function has(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' }).status === 0;
}

function quiet(command, args, extraEnv = {}, timeout = 60_000) {
  return spawnSync(command, args, { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout });
}

async function startDocker() {
  if (!has('dockerd') || !has('docker'))
    return { skip: 'dockerd or the docker CLI is not installed (apt-get install docker.io)' };
  const dir = join(root, 'docker');
  const socket = `unix://${dir}/docker.sock`;
  const log = join(root, 'dockerd.log');
  const out = openSync(log, 'w');
  dockerd = spawn(
    'dockerd',
    [
      '--storage-driver=vfs',
      `--data-root=${dir}/data`,
      `--exec-root=${dir}/exec`,
      `--pidfile=${dir}/dockerd.pid`,
      `--host=${socket}`,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  const exited = new Promise((resolve) => dockerd.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (dockerd.exitCode !== null) break;
    if (quiet('docker', ['info'], { DOCKER_HOST: socket }, 10_000).status === 0) {
      say(
        `dockerd ${quiet('docker', ['version', '--format', '{{.Server.Version}}'], { DOCKER_HOST: socket }).stdout.trim()} on ${socket}`,
      );
      return { socket };
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  const tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n');
  throw new Error(`dockerd did not start within 60 s; its log ends with:\n${tail}`);
}

function configurePodman() {
  if (!has('podman')) return { skip: 'podman is not installed (apt-get install podman)' };
  const dir = join(root, 'podman');
  const { CONTAINERS_CONF, CONTAINERS_STORAGE_CONF } = writePodmanConfig(dir);
  const conf = { CONTAINERS_CONF, CONTAINERS_STORAGE_CONF };
  const info = quiet('podman', ['info', '--format', '{{.Version.Version}}'], conf);
  if (info.status !== 0) throw new Error(`podman does not work here: ${info.stderr.trim()}`);
  say(`podman ${info.stdout.trim()} with storage in ${dir}`);
  return conf;
}

async function teardown() {
  const podmanConf = env.SHIPSHAPE_IT_PODMAN_CONF
    ? { CONTAINERS_CONF: env.SHIPSHAPE_IT_PODMAN_CONF, CONTAINERS_STORAGE_CONF: env.SHIPSHAPE_IT_PODMAN_STORAGE_CONF }
    : undefined;
  if (podmanConf) {
    quiet('podman', ['rm', '--all', '--force', '--time=0'], podmanConf);
    quiet('podman', ['pod', 'rm', '--all', '--force'], podmanConf);
    quiet('podman', ['network', 'prune', '--force'], podmanConf);
  }
  if (dockerd && dockerd.exitCode === null) {
    quiet(
      'docker',
      [
        'rm',
        '--force',
        ...quiet('docker', ['ps', '-aq'], { DOCKER_HOST: env.SHIPSHAPE_IT_DOCKER_HOST })
          .stdout.split(/\s+/)
          .filter(Boolean),
      ],
      { DOCKER_HOST: env.SHIPSHAPE_IT_DOCKER_HOST },
    );
    const exited = new Promise((resolve) => dockerd.once('exit', resolve));
    try {
      process.kill(-dockerd.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (dockerd.exitCode === null && dockerd.signalCode === null) {
      say('dockerd ignored SIGTERM: killed');
      process.kill(-dockerd.pid, 'SIGKILL');
    }
  }
  // vfs layers can hold read-only files; a failed removal is reported, not fatal.
  try {
    rmSync(root, { recursive: true, force: true });
  } catch (error) {
    say(`could not remove ${root}: ${error instanceof Error ? error.message : error}`);
  }
}

let code = 1;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    void teardown().finally(() => process.exit(130));
  });
try {
  spawnSync('bash', [join(here, 'setup.sh')], { stdio: 'inherit' });
  const docker = await startDocker();
  if (docker.skip) {
    say(`Docker suite skipped: ${docker.skip}`);
    env.SHIPSHAPE_IT_DOCKER_SKIP = docker.skip;
  } else env.SHIPSHAPE_IT_DOCKER_HOST = docker.socket;
  const podman = configurePodman();
  if (podman.skip) {
    say(`Podman suite skipped: ${podman.skip}`);
    env.SHIPSHAPE_IT_PODMAN_SKIP = podman.skip;
  } else {
    env.SHIPSHAPE_IT_PODMAN_CONF = podman.CONTAINERS_CONF;
    env.SHIPSHAPE_IT_PODMAN_STORAGE_CONF = podman.CONTAINERS_STORAGE_CONF;
  }
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(here, name));
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...env, SHIPSHAPE_IT_TMP: root } });
  code = result.status ?? 1;
} catch (error) {
  console.error(`[containers] FAILED: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  await teardown();
}
if (existsSync(root)) say(`left behind: ${root}`);
process.exit(code);
