/** The workspace's texts as the `--jobs` workers receive them: the same texts, in the same order. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { sharedFiles, shareTexts, type SharedTexts } from '../../../server/src/cli/parallel/shared-texts';

const files = [
  { path: '/w/Dockerfile', text: 'FROM alpine:3.20\nRUN echo "héllo wörld"\n' },
  { path: '/w/empty.yaml', text: '' },
  { path: '/w/k8s/app.yaml', text: 'kind: Pod\nmetadata:\n  name: 日本語 # 🚢\r\n' },
  // Not well-formed: a lone surrogate does not survive UTF-8, so it travels as a string.
  { path: '/w/odd.yaml', text: 'a: "\ud800"\nb: 1\n' },
  { path: '/w/replaced.yaml', text: 'a: \ufffd\n' },
  { path: '/w/last.yml', text: 'on: push\n' },
];

/** Through a real message port, as a worker gets it (the bytes shared, not copied). */
function sent(shared: SharedTexts): SharedTexts {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(shared);
  const received = receiveMessageOnPort(port2)?.message as SharedTexts;
  port1.close();
  return received;
}

describe('texts shared with the --jobs workers', () => {
  test('every text comes back exactly, in order', () => {
    const shared = sent(shareTexts(files));
    assert.deepEqual([...sharedFiles(shared)], files);
    assert.deepEqual(Object.keys(shared.strings), ['3']);
  });

  test('the bytes are shared, written once', () => {
    const shared = shareTexts(files);
    assert.ok(shared.bytes instanceof SharedArrayBuffer);
    const total = files.reduce((sum, file, i) => sum + (i === 3 ? 0 : Buffer.byteLength(file.text)), 0);
    assert.equal(shared.bytes.byteLength, total);
  });

  test('an empty workspace', () => {
    assert.deepEqual([...sharedFiles(sent(shareTexts([])))], []);
  });
});
