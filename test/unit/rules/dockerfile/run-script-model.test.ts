// The RUN script model read from tree-sitter-bash's tree (shell-syntax.ts, shell-tree.ts; issue 16): the
// shapes every Dockerfile rule relies on, with the exact offsets, values and nesting they are given.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFile } from '../../../../server/src/engine/parse';
import type { DockerfileFile } from '../../../../server/src/engine/types';
import { runScripts } from '../../../../server/src/rules/dockerfile/model/run-script';

function scripts(text: string) {
  const file = parseFile('/repo/Dockerfile', text, { kind: 'dockerfile' }) as DockerfileFile;
  return { file, scripts: runScripts(file) };
}

describe('dockerfile RUN script model', () => {
  test('words keep their text, unquoted value and Dockerfile offsets across continuations', () => {
    const text = 'FROM debian:12\nRUN apt-get install -y \\\n    "curl" \'jq\' a\\ b $HOME\n';
    const {
      file,
      scripts: [script],
    } = scripts(text);
    assert.equal(script.unparsed, false);
    const words = script.commands[0].words;
    assert.deepEqual(
      words.map((word) => [word.text, word.value]),
      [
        ['apt-get', 'apt-get'],
        ['install', 'install'],
        ['-y', '-y'],
        ['"curl"', 'curl'],
        ["'jq'", 'jq'],
        ['a\\ b', 'a b'],
        ['$HOME', undefined],
      ],
    );
    for (const word of words) assert.equal(text.slice(word.start, word.end), word.text);
    assert.deepEqual(file.lines.positionAt(words[3].start), { line: 2, character: 4 });
  });

  test('non-ASCII words: values decoded, offsets in characters', () => {
    const text = 'FROM debian:12\nRUN echo "héllo wörld" 🚀 && touch /tmp/ñ\n';
    const {
      scripts: [script],
    } = scripts(text);
    assert.deepEqual(
      script.commands.map((command) => command.words.map((word) => word.value)),
      [
        ['echo', 'héllo wörld', '🚀'],
        ['touch', '/tmp/ñ'],
      ],
    );
    for (const word of script.commands.flatMap((command) => command.words)) {
      assert.equal(text.slice(word.start, word.end), word.text);
    }
  });

  test('commands in source order; subshells and substitutions are nested', () => {
    const {
      scripts: [script],
    } = scripts('FROM debian:12\nRUN a 1 && (b 2; c 3) && echo "$(d 4)" <(e 5) && if true; then f 6; fi\n');
    assert.deepEqual(
      script.commands.map((command) => [command.words[0].text, command.nested]),
      [
        ['a', false],
        ['b', true],
        ['c', true],
        ['echo', false],
        ['d', true],
        ['e', true],
        ['true', false],
        ['f', false],
      ],
    );
    const orders = script.commands.map((command) => command.order);
    assert.deepEqual(
      orders,
      [...orders].sort((x, y) => x - y),
    );
  });

  test('pipelines: operator range, both sides, and whether the left side can fail', () => {
    const text =
      'FROM debian:12\nRUN curl -fsSL https://x.example | sh && echo ok |& tee log && { echo a; echo b; } | cat > f && ! grep x f | wc -l && cat <<EOF | sh\nid\nEOF\n';
    const {
      scripts: [script],
    } = scripts(text);
    assert.deepEqual(
      script.pipelines.map((pipe) => [
        text.slice(...offsets(text, pipe.operator)),
        pipe.left.map((command) => command.words[0].text),
        pipe.right.map((command) => command.words[0].text),
        pipe.leftMayFail,
      ]),
      [
        ['|', ['curl'], ['sh'], true],
        ['|&', ['echo'], ['tee'], false],
        ['|', ['echo', 'echo'], ['cat'], false],
        ['|', ['grep'], ['wc'], true],
        ['|', ['cat'], ['sh'], false],
      ],
    );
  });

  test('a script the shell rejects is unparsed, with no commands', () => {
    const {
      scripts: [script],
    } = scripts('FROM debian:12\nRUN if then fi (\n');
    assert.equal(script.unparsed, true);
    assert.deepEqual(script.commands, []);
  });
});

function offsets(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
): [number, number] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return [lineStarts[range.start.line] + range.start.character, lineStarts[range.end.line] + range.end.character];
}
