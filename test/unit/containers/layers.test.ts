import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { argsWithoutDefault } from '../../../client/src/containers/core/dockerfile-outline';
import { formatBytes, historyKeyword, imageLayers, relocateLayers } from '../../../client/src/containers/core/layers';
import { parseHistory } from '../../../client/src/containers/core/parse';
import { fixture, outlineOf } from './helpers';

const WEB = fixture('Dockerfile.web');

describe('image history into per-instruction layer sizes', () => {
  for (const [engine, file] of [
    ['Docker', 'docker/history.jsonl'],
    ['Podman', 'podman/history.json'],
  ] as const) {
    test(`${engine}: each instruction of the built stage and the stage it builds on gets its size`, () => {
      const layers = imageLayers(parseHistory(fixture(file)), outlineOf(WEB));
      assert.ok(layers);
      const byLine = new Map(layers.layers.map((layer) => [layer.line, layer]));
      // COPY busybox (line 1) carries the weight; the busybox install and metadata add (almost) nothing.
      assert.ok(byLine.get(1)!.sizeBytes > 1_900_000, `COPY busybox: ${byLine.get(1)?.sizeBytes}`);
      assert.equal(byLine.get(1)!.keyword, 'COPY');
      assert.equal(byLine.get(2)!.keyword, 'RUN');
      assert.equal(byLine.get(5)!.keyword, 'COPY');
      assert.ok(byLine.get(5)!.sizeBytes > 0 && byLine.get(5)!.sizeBytes < 10_000);
      for (const line of [6, 7, 8, 9]) assert.equal(byLine.get(line)?.sizeBytes, 0, `line ${line}`);
      assert.deepEqual([...byLine.keys()], [1, 2, 5, 6, 7, 8, 9]);
      assert.equal(layers.fromLine, 4);
      assert.equal(
        layers.totalBytes,
        parseHistory(fixture(file)).reduce((sum, row) => sum + row.sizeBytes, 0),
      );
    });
  }

  test('an ARG without a history entry (BuildKit) does not shift the others', () => {
    const outline = outlineOf('FROM alpine\nARG V=1\nRUN make\nCOPY . /app\n');
    const history = [
      { id: '3', createdBy: 'COPY . /app # buildkit', sizeBytes: 300 },
      { id: '2', createdBy: 'RUN |1 V=1 /bin/sh -c make # buildkit', sizeBytes: 200 },
      { id: '1', createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', sizeBytes: 0 },
      { id: '0', createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', sizeBytes: 7_000_000 },
    ];
    const layers = imageLayers(history, outline);
    assert.deepEqual(
      layers?.layers.map((layer) => [layer.line, layer.sizeBytes]),
      [
        [2, 200],
        [3, 300],
      ],
    );
    assert.equal(layers?.totalBytes, 7_000_500);
  });

  test('the target stage: a stage built from another stage includes its parent', () => {
    const outline = outlineOf('FROM scratch AS a\nCOPY x /x\nFROM scratch AS b\nCOPY y /y\nFROM a AS c\nCOPY z /z\n');
    const history = [
      { id: '2', createdBy: '/bin/sh -c #(nop) COPY file:z in /z ', sizeBytes: 30 },
      { id: '1', createdBy: '/bin/sh -c #(nop) COPY file:x in /x ', sizeBytes: 10 },
    ];
    assert.deepEqual(
      imageLayers(history, outline, 'c')?.layers.map((layer) => layer.line),
      [1, 5],
    );
    assert.equal(imageLayers(history, outline, 'c')?.fromLine, 4);
    assert.equal(imageLayers(history, outline, 'nope'), undefined);
  });

  test('history keywords', () => {
    assert.equal(historyKeyword('/bin/sh -c #(nop)  EXPOSE 8080'), 'EXPOSE');
    assert.equal(historyKeyword('/bin/sh -c apt-get update'), 'RUN');
    assert.equal(historyKeyword('/bin/sh -c ["/bin/busybox", "--install"]'), 'RUN');
    assert.equal(historyKeyword('WORKDIR /app'), 'WORKDIR');
    assert.equal(historyKeyword('|1 V=1 /bin/sh -c make'), 'RUN');
  });

  test('after an edit, sizes follow their instructions; after a rewrite they are dropped', () => {
    const layers = imageLayers(parseHistory(fixture('docker/history.jsonl')), outlineOf(WEB))!;
    const edited = outlineOf(`# a comment\n\n${WEB}`);
    const moved = relocateLayers(layers, edited);
    assert.deepEqual(
      moved?.layers.map((layer) => layer.line),
      layers.layers.map((layer) => layer.line + 2),
    );
    assert.equal(moved?.fromLine, 6);
    assert.equal(relocateLayers(layers, outlineOf('FROM alpine\nRUN echo other\n')), undefined);
  });

  test('sizes read like the engines print them', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(15), '15 B');
    assert.equal(formatBytes(1_982_256), '1.98 MB');
    assert.equal(formatBytes(312_400_000), '312 MB');
    assert.equal(formatBytes(45_600), '45.6 kB');
  });

  test('ARGs without a default are the build args to ask for', () => {
    const outline = outlineOf(
      'ARG BASE\nARG TAG=1\nFROM x AS a\nARG A_ONLY\nFROM y AS b\nARG VERSION\nARG WITH=default\n',
    );
    assert.deepEqual(argsWithoutDefault(outline), ['BASE', 'VERSION']);
    assert.deepEqual(argsWithoutDefault(outline, 'a'), ['BASE', 'A_ONLY']);
  });
});
