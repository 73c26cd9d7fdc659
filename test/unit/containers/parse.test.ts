import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  parseContainers,
  parseDockerLabels,
  parseDockerPorts,
  parseEvent,
  parseHistory,
  parseImages,
  parseJsonRows,
  parseSize,
} from '../../../client/src/containers/core/parse';
import { fixture } from './helpers';

describe('parsing both engines into one model (captured outputs)', () => {
  test('Docker ps: string fields, comma-joined labels, "ip:host->container/proto" ports, health in the status', () => {
    const [row] = parseContainers(fixture('docker/ps.jsonl'));
    assert.equal(row.id, '32a47b2cbdb1d7704bdca4d666cbd19734b122699bade45713ab3711bb14ac8b');
    assert.equal(row.name, 'demo-web');
    assert.equal(row.image, 'demo:dev');
    assert.equal(row.state, 'running');
    assert.equal(row.health, 'healthy');
    assert.deepEqual(row.ports, [{ hostIp: '127.0.0.1', hostPort: 18080, containerPort: 8080, protocol: 'tcp' }]);
    assert.deepEqual(row.labels, { 'org.example.app': 'demo', 'shipshape.workspace': 'x' });
  });

  test('Podman ps: one array, Names array, Ports objects, Labels object', () => {
    const [row] = parseContainers(fixture('podman/ps.json'));
    assert.equal(row.id, 'ad998845230f63936cf28a3912fa0eea7d472f0be206b24548d89c1c5c07b30b');
    assert.equal(row.name, 'demo-web');
    assert.equal(row.image, 'localhost/demo:dev');
    assert.equal(row.state, 'running');
    assert.equal(row.health, 'starting');
    assert.deepEqual(row.ports, [{ hostIp: '127.0.0.1', hostPort: 18081, containerPort: 8080, protocol: 'tcp' }]);
    assert.equal(row.labels['org.example.app'], 'demo');
  });

  test('Docker images: human sizes, one row per name', () => {
    const [image] = parseImages(fixture('docker/images.jsonl'));
    assert.equal(image.reference, 'demo:dev');
    assert.equal(image.repository, 'demo');
    assert.equal(image.tag, 'dev');
    assert.equal(image.sizeBytes, 1_980_000);
    assert.equal(image.createdAt, Date.parse('2026-11-28T17:33:03Z'));
  });

  test('Podman images: byte sizes, epoch times, untagged images by id', () => {
    const images = parseImages(fixture('podman/images.json'));
    const demo = images.find((image) => image.reference === 'localhost/demo:dev');
    assert.ok(demo);
    assert.equal(demo.repository, 'localhost/demo');
    assert.equal(demo.tag, 'dev');
    assert.ok(demo.sizeBytes > 2_000_000);
    assert.equal(typeof demo.createdAt, 'number');
    const untagged = images.find((image) => image.reference !== 'localhost/demo:dev');
    assert.equal(untagged?.reference.length, 12);
  });

  test('Podman images: one row per tag, each with every name, gives each name once', () => {
    const images = parseImages(fixture('podman/images-two-tags.json'));
    assert.deepEqual(images.map((image) => image.reference).sort(), ['localhost/two:a', 'localhost/two:b']);
  });

  test('history: Docker with --human=false, Podman with bytes; newest first', () => {
    const docker = parseHistory(fixture('docker/history.jsonl'));
    assert.equal(docker.length, 7);
    assert.match(docker[0].createdBy, /CMD/);
    assert.equal(docker.at(-1)?.sizeBytes, 1982256);
    const podman = parseHistory(fixture('podman/history.json'));
    assert.match(podman[0].createdBy, /CMD/);
    assert.equal(podman.at(-1)?.sizeBytes, 1984512);
  });

  test('events: Docker {Type, Action, id} and Podman {Type, Status, ID}', () => {
    const docker = fixture('docker/events.jsonl').trim().split('\n').map(parseEvent);
    assert.deepEqual(docker[0], {
      type: 'container',
      action: 'create',
      id: '14c32296de8e9d6a9ac6fb69afd5816ce5863b0329a4b0ea97af6ea932c8c202',
    });
    const podman = fixture('podman/events.jsonl').trim().split('\n').map(parseEvent);
    assert.deepEqual(
      podman.find((event) => event?.type === 'container'),
      { type: 'container', action: 'create', id: '93abecaa5e95318dbda016876b62a6e1700023671afb31f1bf0268ec26907635' },
    );
  });

  test('bad input gives empty results, not exceptions', () => {
    assert.deepEqual(parseContainers('not json'), []);
    assert.deepEqual(parseContainers('[1, "x", {"Names": 3}]')[0].name, '');
    assert.deepEqual(parseImages('{"broken": '), []);
    assert.equal(parseEvent('{}'), undefined);
    assert.deepEqual(parseJsonRows('WARNING: something\n{"a":1}'), [{ a: 1 }]);
  });

  test('Docker port strings: ranges, IPv6, unpublished ports left out', () => {
    assert.deepEqual(parseDockerPorts('0.0.0.0:8000-8001->80-81/tcp, :::8000->80/tcp, 9000/tcp'), [
      { hostIp: '0.0.0.0', hostPort: 8000, containerPort: 80, protocol: 'tcp' },
      { hostIp: '0.0.0.0', hostPort: 8001, containerPort: 81, protocol: 'tcp' },
      { hostIp: '::', hostPort: 8000, containerPort: 80, protocol: 'tcp' },
    ]);
    assert.deepEqual(parseDockerLabels('a=1,b=x=y,c='), { a: '1', b: 'x=y', c: '' });
  });

  test('sizes', () => {
    assert.equal(parseSize('15B'), 15);
    assert.equal(parseSize('1.98MB'), 1_980_000);
    assert.equal(parseSize('2.5GB'), 2_500_000_000);
    assert.equal(parseSize('0'), 0);
    assert.equal(parseSize(1234), 1234);
    assert.equal(parseSize('huge'), 0);
  });
});
