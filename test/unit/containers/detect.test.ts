import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { detectEngine, readEngineSettings } from '../../../client/src/containers/core/detect';
import { nodeRunner } from '../../../client/src/containers/core/process';
import { script, tempDir } from './helpers';

/** Scripts that answer like a working, a stopped and a forbidden engine. */
const WORKING_DOCKER = `[ "$1" = version ] && echo 20.10.24 && exit 0; exit 1`;
const STOPPED_DOCKER = `echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1`;
const FORBIDDEN_DOCKER = `echo 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied' >&2; exit 1`;
const STOPPED_NEW_DOCKER = `echo 'failed to connect to the docker API at unix:///var/run/docker.sock; check if the path is correct and if the daemon is running: dial unix /var/run/docker.sock: connect: no such file or directory' >&2; exit 1`;
const WORKING_PODMAN = `[ "$1" = info ] && echo 4.3.1 && exit 0; exit 1`;

describe('engine detection against a fake PATH', () => {
  const root = tempDir();
  let count = 0;
  function path(scripts: Record<string, string>): NodeJS.ProcessEnv {
    const dir = join(root, `bin${count++}`);
    mkdirSync(dir);
    for (const [name, body] of Object.entries(scripts)) script(dir, name, body);
    return { PATH: dir };
  }
  const auto = readEngineSettings({});

  test('auto: a Docker whose engine answers wins', async () => {
    const env = path({ docker: WORKING_DOCKER, podman: WORKING_PODMAN });
    const { engine } = await detectEngine(auto, nodeRunner, env);
    assert.equal(engine?.kind, 'docker');
    assert.equal(engine?.version, '20.10.24');
  });

  test('auto: a Docker CLI with a stopped engine falls through to Podman', async () => {
    const { engine } = await detectEngine(auto, nodeRunner, path({ docker: STOPPED_DOCKER, podman: WORKING_PODMAN }));
    assert.equal(engine?.kind, 'podman');
    assert.equal(engine?.executable, 'podman');
  });

  test('auto: a newer Docker CLI (28.3+ wording) with a stopped engine also falls through', async () => {
    const { engine } = await detectEngine(
      auto,
      nodeRunner,
      path({ docker: STOPPED_NEW_DOCKER, podman: WORKING_PODMAN }),
    );
    assert.equal(engine?.kind, 'podman');
    const { error } = await detectEngine(auto, nodeRunner, path({ docker: STOPPED_NEW_DOCKER }));
    assert.equal(error?.reason, 'not-running');
  });

  test('auto: only Podman installed', async () => {
    const { engine } = await detectEngine(auto, nodeRunner, path({ podman: WORKING_PODMAN }));
    assert.equal(engine?.kind, 'podman');
  });

  test('auto: a stopped Docker and no Podman says to start it or switch', async () => {
    const { error } = await detectEngine(auto, nodeRunner, path({ docker: STOPPED_DOCKER }));
    assert.equal(error?.reason, 'not-running');
    assert.equal(
      error?.message,
      'docker is installed but its engine is not running: start it, or set shipshape.containers.engine to podman.',
    );
  });

  test('auto: nothing installed', async () => {
    const { error } = await detectEngine(auto, nodeRunner, path({}));
    assert.equal(error?.reason, 'missing');
    assert.match(error?.message ?? '', /neither docker nor podman is on the PATH/);
  });

  test('permission denied on the socket is named as such', async () => {
    const { error } = await detectEngine(
      readEngineSettings({ engine: 'docker' }),
      nodeRunner,
      path({ docker: FORBIDDEN_DOCKER, podman: WORKING_PODMAN }),
    );
    assert.equal(error?.reason, 'permission');
    assert.match(error?.message ?? '', /permission denied on the socket \/var\/run\/docker\.sock/);
    assert.match(error?.message ?? '', /docker" group/);
  });

  test('engine: podman is used even when Docker works', async () => {
    const env = path({ docker: WORKING_DOCKER, podman: WORKING_PODMAN });
    const { engine } = await detectEngine(readEngineSettings({ engine: 'podman' }), nodeRunner, env);
    assert.equal(engine?.kind, 'podman');
  });

  test('engine: docker when it is missing says so, without a stack trace', async () => {
    const { error } = await detectEngine(readEngineSettings({ engine: 'docker' }), nodeRunner, path({}));
    assert.equal(error?.reason, 'missing');
    assert.equal(
      error?.message,
      'docker was not found (docker): install it, or set shipshape.containers.executable to its absolute path.',
    );
  });

  test('executable: an absolute path is used as given, its kind guessed from the name', async () => {
    const dir = join(root, 'custom');
    mkdirSync(dir);
    const executable = script(dir, 'podman-remote', WORKING_PODMAN);
    const { engine } = await detectEngine(readEngineSettings({ executable }), nodeRunner, path({}));
    assert.deepEqual([engine?.kind, engine?.executable], ['podman', executable]);
  });

  test('executable: a relative path is refused', async () => {
    const { error } = await detectEngine(readEngineSettings({ executable: './docker' }), nodeRunner, path({}));
    assert.match(error?.message ?? '', /must be an absolute path/);
  });

  test('a cancelled detection stops the probe', async () => {
    const controller = new AbortController();
    const env = path({ docker: 'exec /bin/sleep 30' });
    const started = Date.now();
    const pending = detectEngine(auto, nodeRunner, env, controller.signal);
    setTimeout(() => controller.abort(), 100);
    const { error } = await pending;
    assert.equal(error?.reason, 'cancelled');
    assert.ok(Date.now() - started < 5000);
  });

  test('settings with wrong types fall back to auto', () => {
    assert.deepEqual(readEngineSettings({ engine: 'lxc', executable: 42 }), { engine: 'auto', executable: '' });
  });
});
