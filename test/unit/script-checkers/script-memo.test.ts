/**
 * The checking worker makes a file's ShellCheck scripts again only for the RUN instructions an edit
 * touched; the others come from its previous check, moved to where they now are. After each of many
 * random edits, what it settles (the findings from known comments, and the scripts still to run, offsets
 * and all) must equal what a worker that keeps nothing settles.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linter } from '../../../server/src/engine/linter';
import { KnownScriptComments, programScriptKey } from '../../../server/src/lsp/known-script-comments';
import { registry } from '../../../server/src/rules';
import { scriptCheckers } from '../../../server/src/rules/shared/scripts/checkers';
import type { ShellCheckComment } from '../../../server/src/rules/shared/shellcheck/findings';

const noDisk = { readFile: () => undefined, exists: () => false };
const PATH = '/repo/Dockerfile';
const PROGRAMS = { shellcheck: 'shellcheck' };

/** Continuations, heredocs (read by the shell or as a script), ARG and ENV between RUNs, SHELL, twins. */
const DOCKERFILE = [
  'FROM alpine:3.20 AS build',
  'ARG VERSION=1',
  'RUN echo $VERSION | tee v',
  'RUN apk add curl \\',
  '    # a comment in the continuation',
  '    && curl -fsSL https://example.com/x.sh | sh',
  'ENV MODE=fast',
  'RUN echo $MODE $undefined_name',
  'RUN <<EOF',
  'set -e',
  'echo $HOME',
  'EOF',
  'RUN bash <<EOF',
  'echo [ $x == 1 ]',
  'EOF',
  'RUN echo $MODE $undefined_name',
  // Continued under `# escape=\``, two words of one line under the default escape.
  'RUN echo one `',
  '    two',
  'SHELL ["/bin/bash", "-c"]',
  'RUN echo $((1 + 2)) && cd /src; make',
  'FROM build',
  '  RUN   echo indented $VERSION',
  'RUN ["/bin/sh", "-c", "echo exec form"]',
  '',
].join('\n');

const INSERTS = ['a', ' ', '\n', '\\\n', '$x ', '"', 'RUN echo hi\n', 'ARG NEW=1\n', '<<EOF\n', '`'];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ESCAPE = '# escape=`\n';

function edit(text: string, random: () => number): string {
  // The escape directive counts only on the first line: put there, or taken away.
  if (random() < 0.1) return text.startsWith(ESCAPE) ? text.slice(ESCAPE.length) : ESCAPE + text;
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.6) return text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
}

/** A comment on the first characters of every script's body: each known script gives a finding placed through its offsets. */
const comment = (line: number): ShellCheckComment => ({
  line,
  column: 1,
  endLine: line,
  endColumn: 4,
  level: 'warning',
  code: 2154,
  message: 'a comment',
});

/**
 * The file checked and settled; the scripts whose text has an even length then get a comment (the same
 * ones whichever worker asks: what it settled before decides nothing), and the file is settled again.
 */
function settled(known: KnownScriptComments, linter: Linter, text: string): string {
  linter.workspace.set(PATH, text, 'dockerfile');
  const result = linter.lint(PATH);
  const first = known.settle(linter, result, undefined, PROGRAMS);
  known.add(
    first.unchecked
      .filter(({ script }) => script.text.length % 2 === 0)
      .map(({ script }) => [
        programScriptKey('shellcheck', 'shellcheck', scriptCheckers.shellcheck.key(script)),
        [comment(script.preludeLines + 1)],
      ]),
  );
  return JSON.stringify(known.settle(linter, result, undefined, PROGRAMS));
}

test('Dockerfile scripts kept between checks: after each of many random edits, settled as by a worker that keeps nothing', () => {
  const random = seeded(1607);
  const linter = new Linter(registry, noDisk);
  const known = new KnownScriptComments();
  let text = DOCKERFILE;
  let withFindings = 0;
  for (let step = 0; step < 200; step++) {
    text = step % 20 === 0 ? DOCKERFILE : edit(text, random);
    const kept = settled(known, linter, text);
    const fresh = settled(new KnownScriptComments(), new Linter(registry, noDisk), text);
    assert.equal(kept, fresh, `edit ${step} differs; the text:\n${text}`);
    if (/shellcheck\/SC2154/.test(fresh) && /"unchecked":\[\{/.test(fresh)) withFindings++;
  }
  assert.ok(withFindings > 150, `only ${withFindings} edits had both script findings and unchecked scripts to compare`);
});
