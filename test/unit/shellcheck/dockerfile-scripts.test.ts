/** RUN scripts as ShellCheck reads them, and the way back from its positions to the Dockerfile. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DockerfileFile } from '../../../server/src/engine/types';
import { dockerfileScripts } from '../../../server/src/rules/shared/shellcheck/dockerfile-scripts';
import { bodyOf, landsOn, parsed } from './helpers';

function scripts(text: string) {
  const { file } = parsed('/repo/Dockerfile', text);
  return { file, scripts: dockerfileScripts(file as DockerfileFile) };
}

describe('RUN scripts for ShellCheck', () => {
  test('continuations are joined and comment lines dropped, as Docker does; positions land on the token', () => {
    const text = 'FROM debian:12\nRUN apt-get update && \\\n    # fetch\n    echo $name \\\n      && cd /tmp\n';
    const { file, scripts: found } = scripts(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].dialect, 'sh');
    assert.equal(bodyOf(found[0]), 'apt-get update &&     echo $name       && cd /tmp');
    assert.equal(landsOn(file, found[0], '$name'), '$name');
    assert.equal(landsOn(file, found[0], 'cd /tmp'), 'cd /tmp');
  });

  test('`# escape=`` makes the backtick the continuation character', () => {
    const text = '# escape=`\nFROM debian:12\nRUN echo a `\n    && echo $b\n';
    const { file, scripts: found } = scripts(text);
    assert.equal(bodyOf(found[0]), 'echo a     && echo $b');
    assert.equal(landsOn(file, found[0], '$b'), '$b');
  });

  test('a span across a removed continuation ends on its last character, not on the backslash', () => {
    const text = 'FROM debian:12\nRUN echo "a \\\nb"\n';
    const { file, scripts: found } = scripts(text);
    assert.equal(landsOn(file, found[0], '"a b"'), '"a \\\nb"');
  });

  test('the SHELL in force picks the dialect; exec form, PowerShell and zsh are not ShellCheck’s', () => {
    const text = [
      'FROM debian:12',
      'RUN ["echo", "$x"]',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN echo bash',
      'SHELL ["/usr/bin/zsh", "-c"]',
      'RUN echo zsh',
      'SHELL ["pwsh", "-Command"]',
      'RUN Write-Host hi',
      'FROM alpine:3 AS other',
      'SHELL ["/bin/ash", "-c"]',
      'RUN echo ash',
      '',
    ].join('\n');
    const found = scripts(text).scripts;
    assert.deepEqual(
      found.map((s) => [s.dialect, bodyOf(s)]),
      [
        ['bash', 'echo bash'],
        ['sh', 'echo ash'],
      ],
    );
  });

  test('a RUN <<EOF heredoc is its own script; so is one fed to a shell; a data heredoc stays in its command', () => {
    const text = [
      'FROM debian:12',
      'RUN <<EOF',
      'set -e',
      'echo $one',
      'EOF',
      'RUN bash -e <<SCRIPT',
      'echo $two',
      'SCRIPT',
      'RUN cat <<EOF > /etc/motd',
      'hello $three',
      'EOF',
      'RUN python3 <<EOF',
      'print("not shell")',
      'EOF',
      '',
    ].join('\n');
    const { file, scripts: found } = scripts(text);
    assert.deepEqual(
      found.map((s) => [s.dialect, bodyOf(s)]),
      [
        ['sh', 'set -e\necho $one'],
        ['bash', 'echo $two'],
        ['sh', 'cat <<EOF > /etc/motd\nhello $three\nEOF'],
        ['sh', 'python3 <<EOF\nprint("not shell")\nEOF'],
      ],
    );
    assert.equal(landsOn(file, found[0], '$one'), '$one');
    assert.equal(landsOn(file, found[1], '$two'), '$two');
  });

  test('ARG and ENV names (and the proxy arguments) are exported before the script, so they count as set', () => {
    const text = 'ARG version\nFROM debian:12\nENV app_home=/app other=1\nRUN echo $version $app_home\n';
    const found = scripts(text).scripts;
    const prelude = found[0].text.split('\n').slice(0, found[0].preludeLines);
    for (const line of ['export version=1', 'export app_home=1', 'export other=1', 'export http_proxy=1'])
      assert.ok(prelude.includes(line), line);
    assert.deepEqual(found[0].exclude, ['SC1090', 'SC1091']);
  });

  test('a script of non-ASCII text maps by character', () => {
    const text = 'FROM debian:12\nRUN echo "größe" && echo $x\n';
    const { file, scripts: found } = scripts(text);
    assert.equal(landsOn(file, found[0], '$x'), '$x');
  });
});
