// Where tree-sitter-bash's tree differs from the shell's grouping (shell-tree.ts, issue 16), and what
// the model gives the rules instead: the shapes found in real Dockerfiles (docker-library's node images,
// heredocs piped into a shell), plus the parser's loading.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { parseFile } from '../../../../server/src/engine/parse';
import type { DockerfileFile } from '../../../../server/src/engine/types';
import { runScripts } from '../../../../server/src/rules/dockerfile/model/run-script';

function script(run: string) {
  const text = `FROM debian:12\nRUN ${run}\n`;
  const file = parseFile('/repo/Dockerfile', text, { kind: 'dockerfile' }) as DockerfileFile;
  const [parsed] = runScripts(file);
  const name = (command: { words: Array<{ text: string }> }) => command.words[0].text;
  return {
    unparsed: parsed.unparsed,
    commands: parsed.commands.map((command) => command.words.map((word) => word.value ?? `(${word.text})`).join(' ')),
    nested: parsed.commands.filter((command) => command.nested).map(name),
    pipes: parsed.pipelines.map((pipe) => ({
      at: text.slice(file.lines.offsetAt(pipe.operator.start), file.lines.offsetAt(pipe.operator.end)),
      column: pipe.operator.start.character,
      left: pipe.left.map(name).join(','),
      right: pipe.right.map(name).join(','),
      leftMayFail: pipe.leftMayFail,
    })),
  };
}

describe('RUN scripts read from tree-sitter-bash', () => {
  test('a | b | c: two pipes, the outer one first, each with everything on its left', () => {
    assert.deepEqual(script('curl -fsSL u | tar -xz | tee log').pipes, [
      { at: '|', column: 27, left: 'curl,tar', right: 'tee', leftMayFail: true },
      { at: '|', column: 17, left: 'curl', right: 'tar', leftMayFail: true },
    ]);
  });

  test('a redirection after a list belongs to its last command, not to the list', () => {
    // The grammar gives `> f` to `a && echo x | cat`: the pipe must still be found, its left side echo.
    const read = script('a && echo x | cat > f && b');
    assert.deepEqual(read.commands, ['a', 'echo x', 'cat', 'b']);
    assert.deepEqual(read.pipes, [{ at: '|', column: 16, left: 'echo', right: 'cat', leftMayFail: false }]);
  });

  test('a heredoc after a list: the rest of its line is the pipe it starts', () => {
    const read = script('apt-get update && cat <<EOF | sh -s -- x | tee y\nid\nEOF');
    assert.deepEqual(read.commands, ['apt-get update', 'cat', 'sh -s -- x', 'tee y']);
    assert.deepEqual(read.pipes, [
      { at: '|', column: 45, left: 'cat,sh', right: 'tee', leftMayFail: true },
      { at: '|', column: 32, left: 'cat', right: 'sh', leftMayFail: false },
    ]);
    assert.deepEqual(script('cat <<EOF | sh && echo done\nid\nEOF').pipes, [
      { at: '|', column: 14, left: 'cat', right: 'sh', leftMayFail: false },
    ]);
  });

  test('a pipe the grammar groups with the list after it (docker-library node images) is still one pipeline', () => {
    // `a | b | c && d` after `{ …; }` came out as `a | (b | c && d)`: the pipes are `a | b | c`, d is no part.
    const read = script('x > /dev/null && { [ -z "$m" ] || y > /dev/null; } && find / | awk 1 | sort -u && rm z');
    assert.deepEqual(
      read.pipes.map((pipe) => [pipe.left, pipe.right, pipe.leftMayFail]),
      [
        ['find,awk', 'sort', true],
        ['find', 'awk', true],
      ],
    );
  });

  test('[ … ] is the command [ (as to the shell); [[ … ]] is syntax', () => {
    const read = script('if [ -f /a.sh ] && [[ -n "$x" ]]; then sh /a.sh; fi');
    assert.deepEqual(read.commands, ['[ -f /a.sh ]', 'sh /a.sh']);
    assert.deepEqual(script('[ "$a" = b ] || [ ! -d x ]').commands, ['[ ("$a") = b ]', '[ ! -d x ]']);
  });

  test('time runs the command after it; export and assignments are no commands', () => {
    const read = script('export A=$(id -u) && time -p make all && B=1 && C=2 env');
    assert.deepEqual(read.commands, ['id -u', 'make all', 'env']);
    assert.deepEqual(read.nested, ['id']);
  });

  test('words: literal parts joined, quotes and escapes removed, expansions unknown', () => {
    assert.deepEqual(script(`echo a"b"'c'd\\ e $'f\\n' {x,y} 5 --o=$HOME "$(id)"`).commands, [
      `echo abcd e f\\n {x,y} 5 (--o=$HOME) ("$(id)")`,
      'id',
    ]);
  });

  test('what the shell would reject is unparsed: ERROR and MISSING nodes', () => {
    assert.equal(script('if true; then echo').unparsed, true);
    assert.equal(script('echo "unterminated').unparsed, true);
    assert.equal(script('echo ok )').unparsed, true);
    assert.equal(script('echo ok').unparsed, false);
  });
});

describe('loading the shell parser', () => {
  test('a Dockerfile checked before the parser is loaded fails loudly instead of reading as unparsed', () => {
    // A process of its own, without the test runner's preload (test/prepare-parsers.mjs).
    const code = [
      "const { parseFile } = require('./server/src/engine/parse');",
      "const { runScripts } = require('./server/src/rules/dockerfile/model/run-script');",
      "runScripts(parseFile('/r/Dockerfile', 'FROM a\\nRUN echo\\n', { kind: 'dockerfile' }));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--eval', code], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /The shell parser is not loaded: await prepareShellParser/);
  });
});
