import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as argv from '../../../client/src/containers/core/argv';
import { composeArgs } from '../../../client/src/containers/core/compose';
import { nodeRunner } from '../../../client/src/containers/core/process';
import { recorder, tempDir } from './helpers';

const HOSTILE = [
  'a; rm -rf /',
  '$(touch /tmp/pwned)',
  '`id`',
  'it\'s "quoted"',
  'with spaces  and\ttabs',
  '-leading-dash',
  '--privileged',
  '&& echo hi | cat > x',
];

describe('argument arrays', () => {
  test('build: file, tags, target, build args, platform, labels, extra args, then -- and the context', () => {
    assert.deepEqual(
      argv.buildArgs('docker', {
        dockerfile: '/w/app/Dockerfile',
        context: '/w/app',
        tags: ['app:abc123', 'app:dev'],
        target: 'web',
        buildArgs: { VERSION: '1.2', EMPTY: '' },
        platform: 'linux/arm64',
        labels: { 'dev.shipshape.workspace': '/w' },
        extraArgs: ['--pull'],
      }),
      [
        'build',
        '--file=/w/app/Dockerfile',
        '--tag=app:abc123',
        '--tag=app:dev',
        '--target=web',
        '--build-arg=VERSION=1.2',
        '--build-arg=EMPTY=',
        '--platform=linux/arm64',
        '--label=dev.shipshape.workspace=/w',
        '--pull',
        '--',
        '/w/app',
      ],
    );
  });

  test('build with Podman keeps the Docker image format, so HEALTHCHECK survives', () => {
    const args = argv.buildArgs('podman', { dockerfile: '/d', context: '/c', tags: ['x:1'] });
    assert.ok(args.includes('--format=docker'));
    assert.deepEqual(args.slice(-2), ['--', '/c']);
  });

  test('run: detached with --init by default, ports, env file, env, labels, then -- image and command', () => {
    assert.deepEqual(
      argv.runArgs({
        image: 'app:dev',
        name: 'app-1',
        ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
        envFile: '/w/.env',
        env: { MODE: 'dev' },
        labels: { a: 'b' },
        command: ['sh', '-c', 'echo hi'],
      }),
      [
        'run',
        '--detach',
        '--init',
        '--name=app-1',
        '--publish=127.0.0.1:8080:80/tcp',
        '--env-file=/w/.env',
        '--env=MODE=dev',
        '--label=a=b',
        '--',
        'app:dev',
        'sh',
        '-c',
        'echo hi',
      ],
    );
    assert.deepEqual(argv.runArgs({ image: 'x', init: false, interactive: true }), [
      'run',
      '--interactive',
      '--tty',
      '--rm',
      '--',
      'x',
    ]);
  });

  test('lists use each engine’s JSON format', () => {
    assert.deepEqual(argv.listContainersArgs('docker'), ['ps', '--all', '--no-trunc', '--format={{json .}}']);
    assert.deepEqual(argv.listContainersArgs('podman'), ['ps', '--all', '--no-trunc', '--format=json']);
    assert.deepEqual(argv.historyArgs('docker', 'a:b'), [
      'history',
      '--no-trunc',
      '--human=false',
      '--format={{json .}}',
      '--',
      'a:b',
    ]);
    assert.deepEqual(argv.listImagesArgs('podman', 'k=v'), ['images', '--filter=label=k=v', '--format=json']);
  });

  test('container actions, logs, exec and inspect put the id after --', () => {
    assert.deepEqual(argv.containerActionArgs('stop', '-x'), ['stop', '--', '-x']);
    assert.deepEqual(argv.containerActionArgs('remove', 'c'), ['rm', '--force', '--', 'c']);
    assert.deepEqual(argv.logsArgs('c', { follow: true, tail: 100 }), ['logs', '--follow', '--tail=100', '--', 'c']);
    assert.deepEqual(argv.execShellArgs('c'), ['exec', '--interactive', '--tty', '--', 'c', '/bin/sh']);
    assert.deepEqual(argv.inspectArgs('image', 'i'), ['image', 'inspect', '--', 'i']);
    assert.deepEqual(argv.removeImageArgs('i:1'), ['rmi', '--', 'i:1']);
  });

  test('compose: file and project always given; services validated', () => {
    const tool = { executable: 'docker', prefix: ['compose'], label: 'docker compose' };
    assert.deepEqual(composeArgs(tool, { file: '/w/compose.yaml', project: 'w', action: 'up', services: ['web'] }), [
      'compose',
      '--file=/w/compose.yaml',
      '--project-name=w',
      'up',
      '--detach',
      'web',
    ]);
    assert.deepEqual(composeArgs({ ...tool, prefix: [] }, { file: '/c.yml', project: 'p', action: 'down' }), [
      '--file=/c.yml',
      '--project-name=p',
      'down',
    ]);
    assert.throws(
      () => composeArgs(tool, { file: '/c', project: 'p', action: 'up', services: ['--privileged'] }),
      /not a compose service name/,
    );
  });
});

describe('hostile strings reach the CLI as one literal argument each', () => {
  const dir = tempDir();

  for (const value of HOSTILE) {
    test(`build with ${JSON.stringify(value)} as tag, path, build arg and target`, async () => {
      const fake = recorder(dir);
      const args = argv.buildArgs('docker', {
        dockerfile: `/w/${value}/Dockerfile`,
        context: value,
        tags: [value],
        target: value,
        buildArgs: { ARG: value },
        platform: value,
        labels: { l: value },
      });
      const result = await nodeRunner.run(fake.path, args);
      assert.equal(result.code, 0);
      const received = fake.argv();
      assert.deepEqual(received, args);
      assert.ok(received.includes(`--tag=${value}`));
      assert.ok(received.includes(`--build-arg=ARG=${value}`));
      assert.ok(received.includes(`--platform=${value}`));
      // The context is positional: after --, so a leading dash is not an option.
      assert.deepEqual(received.slice(-2), ['--', value]);
    });

    test(`compose with ${JSON.stringify(value)} in the file path and project`, async () => {
      const fake = recorder(dir, 'docker-compose');
      const args = composeArgs(
        { executable: fake.path, prefix: [], label: 'docker-compose' },
        { file: `/w/${value}/compose.yaml`, project: value, action: 'down' },
      );
      await nodeRunner.run(fake.path, args);
      assert.deepEqual(fake.argv(), [`--file=/w/${value}/compose.yaml`, `--project-name=${value}`, 'down']);
    });

    test(`run with ${JSON.stringify(value)} as name, env value, env file and command`, async () => {
      const fake = recorder(dir, 'podman');
      const args = argv.runArgs({ image: 'app:dev', name: value, envFile: value, env: { V: value }, command: [value] });
      await nodeRunner.run(fake.path, args);
      const received = fake.argv();
      assert.deepEqual(received, args);
      assert.ok(received.includes(`--env=V=${value}`));
      assert.equal(received.at(-1), value);
    });
  }
});
