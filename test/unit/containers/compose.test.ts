import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { composeProjectName, composeServices, detectCompose } from '../../../client/src/containers/core/compose';
import type { Engine } from '../../../client/src/containers/core/detect';
import { nodeRunner } from '../../../client/src/containers/core/process';
import { script, tempDir } from './helpers';

describe('compose tool detection against a fake PATH', () => {
  const root = tempDir();
  let count = 0;
  function engine(kind: 'docker' | 'podman', scripts: Record<string, string>): Engine {
    const dir = join(root, `bin${count++}`);
    mkdirSync(dir);
    for (const [name, body] of Object.entries(scripts)) script(dir, name, body);
    return { kind, executable: kind, version: '1', env: { PATH: dir } };
  }
  const pluginAnswers = `[ "$1" = compose ] && [ "$2" = version ] && echo 'Docker Compose version v2.29.0' && exit 0; exit 1`;
  const noPlugin = `echo "docker: 'compose' is not a docker command." >&2; exit 1`;
  const answers = `echo 'version 1'; exit 0`;

  test('docker compose (v2) first', async () => {
    const tool = await detectCompose(
      engine('docker', { docker: pluginAnswers, 'docker-compose': answers }),
      nodeRunner,
    );
    assert.deepEqual([tool.executable, tool.prefix, tool.label], ['docker', ['compose'], 'docker compose']);
  });

  test('then docker-compose (v1)', async () => {
    const tool = await detectCompose(engine('docker', { docker: noPlugin, 'docker-compose': answers }), nodeRunner);
    assert.deepEqual([tool.executable, tool.prefix], ['docker-compose', []]);
  });

  test('Podman: podman-compose when podman has no compose command', async () => {
    const tool = await detectCompose(engine('podman', { podman: 'exit 125', 'podman-compose': answers }), nodeRunner);
    assert.equal(tool.label, 'podman-compose');
  });

  test('none: a message that names what was tried', async () => {
    await assert.rejects(detectCompose(engine('docker', { docker: noPlugin }), nodeRunner), {
      message:
        'No compose tool found for docker: tried docker compose, docker-compose. Install the Docker Compose plugin (or docker-compose).',
    });
    await assert.rejects(
      detectCompose(engine('podman', { podman: 'exit 125' }), nodeRunner),
      /tried podman compose, podman-compose\. Install podman-compose\./,
    );
  });
});

describe('compose files', () => {
  test('service names in file order; unreadable files give none', () => {
    assert.deepEqual(composeServices('services:\n  web:\n    image: a\n  db:\n    image: b\n'), ['web', 'db']);
    assert.deepEqual(composeServices('services: [\n'), []);
    assert.deepEqual(composeServices('version: "3"\n'), []);
    assert.deepEqual(composeServices(''), []);
  });

  test('project names as compose normalises folder names', () => {
    assert.equal(composeProjectName('My App.v2'), 'myappv2');
    assert.equal(composeProjectName('web_api-1'), 'web_api-1');
    assert.equal(composeProjectName('...'), 'default');
  });
});
