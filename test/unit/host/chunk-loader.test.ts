import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheUsedCode, loadChunk } from '../../../server/src/host/chunk-loader';

const scratch = mkdtempSync(join(tmpdir(), 'shipshape-chunk-loader-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A chunk in a folder of its own, its cache file, and a way to load it afresh (as a new process would). */
function chunk(name: string, source: string) {
  const folder = mkdtempSync(join(scratch, 'dist-'));
  const path = join(folder, `${name}.js`);
  writeFileSync(path, source);
  const cacheFile = join(folder, '.cache', `${name}-${process.version}-${process.arch}.v8`);
  const load = () => {
    delete require.cache[path];
    return loadChunk(path) as Record<string, unknown>;
  };
  return { folder, path, cacheFile, load };
}

describe('loading a chunk with V8 code cache', () => {
  test('loads as require would, and keeps the code cache beside it, keyed on the chunk', () => {
    const { path, cacheFile, load } = chunk('answer', 'exports.answer = 42; exports.where = __filename;');
    assert.deepEqual(load(), { answer: 42, where: path });
    assert.ok(require.cache[path], 'in require.cache, as require would put it');
    const stored = readFileSync(cacheFile);
    assert.match(stored.subarray(0, stored.indexOf(10)).toString(), /^\d+:[\d.]+ loaded [0-9a-f]{64}$/);
    assert.ok(stored.length > 100, 'V8 data after the key');
    // A second load (a new process) reads it, and gives the same exports.
    assert.deepEqual(load(), { answer: 42, where: path });
    assert.deepEqual(require.cache[path]?.exports, { answer: 42, where: path });
  });

  test('a rebuilt chunk of the same length misses the old cache', () => {
    const { path, cacheFile, load } = chunk('rebuilt', 'exports.value = 1;');
    assert.equal(load().value, 1);
    const before = readFileSync(cacheFile);
    writeFileSync(path, 'exports.value = 2;');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    assert.equal(load().value, 2);
    assert.notDeepEqual(
      readFileSync(cacheFile).subarray(0, before.indexOf(10)),
      before.subarray(0, before.indexOf(10)),
    );
  });

  // V8 does not check the data (damaged data can crash the process): the file's digest keeps it from V8.
  test('a damaged cache is not used, and is written again', () => {
    const { cacheFile, load } = chunk('damaged', 'exports.ok = true;');
    load();
    const good = readFileSync(cacheFile);
    const damaged = Buffer.from(good);
    for (let i = good.indexOf(10) + 20; i < damaged.length; i++) damaged[i] ^= 0x5a;
    writeFileSync(cacheFile, damaged);
    assert.equal(load().ok, true);
    const rewritten = readFileSync(cacheFile);
    assert.notDeepEqual(rewritten, damaged);
    assert.deepEqual(rewritten.subarray(0, rewritten.indexOf(10)), good.subarray(0, good.indexOf(10)));
  });

  test('where the cache cannot be written, the chunk loads uncached', () => {
    const { folder, cacheFile, load } = chunk('readonly', 'exports.ok = true;');
    writeFileSync(join(folder, '.cache'), 'a file where the folder would go');
    assert.equal(load().ok, true);
    assert.equal(existsSync(cacheFile), false);
  });

  test('a chunk that throws while loading is not left in require.cache', () => {
    const { path, load } = chunk('throws', 'throw new Error("broken chunk");');
    assert.throws(load, /broken chunk/);
    assert.equal(require.cache[path], undefined);
  });

  test('a chunk can require Node modules', () => {
    const { load } = chunk('requires', 'exports.sep = require("node:path").sep;');
    assert.equal(load().sep, '/');
  });

  test('after a first use, the cache is written once more with what the use compiled, and then kept', () => {
    const source = `exports.sum = function sum(values) { let total = 0; for (const value of values) total += value; return total; };`;
    const { cacheFile, load } = chunk('used', source);
    const firstLine = () => readFileSync(cacheFile).toString('latin1').split('\n')[0];
    assert.equal((load().sum as (values: number[]) => number)([1, 2, 3]), 6);
    const atLoad = readFileSync(cacheFile);
    assert.match(firstLine(), / loaded /);
    cacheUsedCode();
    assert.match(firstLine(), / used /);
    assert.ok(readFileSync(cacheFile).length > atLoad.length, 'it holds the function the use compiled');
    // A new process reads it and, as it is made after use, does not write it again.
    const used = readFileSync(cacheFile);
    assert.equal((load().sum as (values: number[]) => number)([4]), 4);
    cacheUsedCode();
    assert.deepEqual(readFileSync(cacheFile), used);
  });
});
