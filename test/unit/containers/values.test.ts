import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { explainFailure } from '../../../client/src/containers/core/errors';
import {
  defaultTags,
  repositoryFromFolder,
  validateImageReference,
} from '../../../client/src/containers/core/image-ref';
import {
  firstPortInUse,
  formatPortSpec,
  parsePortList,
  parsePortSpec,
  portsFromExpose,
} from '../../../client/src/containers/core/ports';
import { outlineOf } from './helpers';

const failed = (stderr: string, code = 1) => ({ code, stdout: '', stderr, cancelled: false, timedOut: false });

describe('image references', () => {
  for (const valid of [
    'app',
    'app:dev',
    'my-app:1.2.3',
    'registry.example.com:5000/team/app:v1',
    'localhost/demo:dev',
    'a__b/c.d-e:TAG_1',
    'app@sha256:' + 'a'.repeat(64),
  ])
    test(`valid: ${valid}`, () => assert.equal(validateImageReference(valid), undefined));
  for (const [invalid, why] of [
    ['', /needed/],
    ['My-App:dev', /lower case/],
    ['app:dev tag', /spaces/],
    ['-app', /start with "-"/],
    ['app:' + 'x'.repeat(129), /128 characters/],
    ['app::dev', /not a valid image name/],
    ['app;rm -rf /', /not a valid|spaces/],
    ['app/:dev', /not a valid image name/],
  ] as const)
    test(`invalid: ${JSON.stringify(invalid.slice(0, 20))}`, () =>
      assert.match(validateImageReference(invalid) ?? '', why));

  test('default tags: <folder>:<sha> and <folder>:dev, or the template', () => {
    assert.deepEqual(defaultTags('My Project', 'abc1234'), ['my-project:abc1234', 'my-project:dev']);
    assert.deepEqual(defaultTags('svc', undefined), ['svc:dev']);
    assert.deepEqual(defaultTags('svc', 'abc1234', 'registry.local/${folder}:${gitShortSha}'), [
      'registry.local/svc:abc1234',
    ]);
    assert.equal(repositoryFromFolder('!!!'), 'app');
    for (const tag of defaultTags('Weird__Name..', 'f00d')) assert.equal(validateImageReference(tag), undefined, tag);
  });
});

describe('ports', () => {
  test('host:container, with an address and a protocol', () => {
    assert.deepEqual(parsePortSpec('8080:80'), {
      spec: { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    });
    assert.deepEqual(parsePortSpec('127.0.0.1:5353:53/udp'), {
      spec: { hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' },
    });
    assert.equal(formatPortSpec({ hostIp: '', hostPort: 1, containerPort: 2, protocol: 'tcp' }), '1:2/tcp');
  });

  for (const [bad, why] of [
    ['80', /not a port mapping/],
    ['0:80', /host port 0 is out of range/],
    ['8080:70000', /container port 70000/],
    ['999.1.1.1:80:80', /not an IPv4/],
    ['8080:80/sctp', /not a port mapping/],
    ['$(id):80', /not a port mapping/],
  ] as const)
    test(`rejected: ${bad}`, () => assert.match((parsePortSpec(bad) as { error: string }).error, why));

  test('lists, and a host port given twice', () => {
    assert.equal((parsePortList('8080:80, 8443:443') as { specs: unknown[] }).specs.length, 2);
    assert.match((parsePortList('8080:80 8080:81') as { error: string }).error, /published twice/);
    assert.deepEqual(parsePortList(''), { specs: [] });
  });

  test('EXPOSE gives loopback mappings on the same port', () => {
    const outline = outlineOf('FROM x\nEXPOSE 8080 53/udp $PORT\n');
    assert.deepEqual(portsFromExpose(outline.exposes).map(formatPortSpec), [
      '127.0.0.1:8080:8080/tcp',
      '127.0.0.1:53:53/udp',
    ]);
  });

  test('a host port already in use is reported before starting', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const message = await firstPortInUse([
        { hostIp: '127.0.0.1', hostPort: port, containerPort: 80, protocol: 'tcp' },
      ]);
      assert.match(message ?? '', new RegExp(`Host port ${port} is already in use on 127.0.0.1`));
    } finally {
      server.close();
    }
    assert.equal(
      await firstPortInUse([{ hostIp: '127.0.0.1', hostPort: port, containerPort: 80, protocol: 'tcp' }]),
      undefined,
    );
  });
});

describe('error messages', () => {
  test('an engine too old for a flag', () => {
    const error = explainFailure(
      'docker',
      'docker',
      ['build', '--platform=linux/arm64'],
      failed('unknown flag: --platform\nSee docker build --help'),
    );
    assert.equal(error?.reason, 'too-old');
    assert.match(error?.message ?? '', /too old for the option --platform/);
  });

  test('Podman’s "Error:" line is passed through, without the prefix', () => {
    const error = explainFailure(
      'podman',
      'podman',
      ['stop'],
      failed('Error: no container with name or ID "x" found: no such container'),
    );
    assert.equal(error?.message, 'podman stop failed: no container with name or ID "x" found: no such container');
  });

  test('Docker’s daemon error', () => {
    const error = explainFailure(
      'docker',
      'docker',
      ['stop'],
      failed('Error response from daemon: No such container: x'),
    );
    assert.equal(error?.message, 'docker stop failed: Error response from daemon: No such container: x');
  });

  test('a build step printing "unknown flag" or a daemon error is a build failure, not an old or stopped engine', () => {
    const output =
      'Step 2/2 : RUN mytool --bogus\nunknown flag: --bogus\n Cannot connect to the Docker daemon inside\nThe command returned a non-zero code: 1';
    const error = explainFailure('docker', 'docker', ['build', '--tag=x'], failed(output));
    assert.equal(error?.reason, 'failed');
  });

  test('success is not an error', () => {
    assert.equal(explainFailure('docker', 'docker', ['ps'], failed('', 0)), undefined);
  });
});
