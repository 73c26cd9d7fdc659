import { isMap, type Node, type Pair, type Scalar } from 'yaml';
import { entries, pairOf, scalarString } from '../../engine/yaml/nav';
import type { FixProvider, TextEdit } from '../types';
import { asGitHubActions, stepOf } from './locate';
import { insertBeforeKey, insertIntoMap } from './yaml-edits';

/**
 * Move the untrusted expression into the step's `env:` and read the variable instead: the shell (or
 * JavaScript) then sees data, never code.
 */
export const scriptInjectionFix: FixProvider = {
  ruleIds: ['github-actions/script-injection'],
  createFixes(finding, parsed) {
    const file = asGitHubActions(parsed);
    const step = file && stepOf(file, finding);
    const envName = finding.data?.envName;
    if (!file || !step || typeof envName !== 'string' || !envName) return [];
    const offset = file.lines.offsetAt(finding.range.start);
    const open = file.text.lastIndexOf('${{', offset);
    const close = file.text.indexOf('}}', offset);
    if (open < 0 || close < 0) return [];
    const expression = file.text.slice(open, close + 2);
    const inScript = pairOf(step, 'run') === undefined;
    const replacement = inScript
      ? jsReplacement(file.text, open, close + 2, envName)
      : { from: open, to: close + 2, text: `$${envName}` };

    const env = pairOf(step, 'env');
    const existing = entries(env?.value).find(({ key }) => key === envName);
    // The name is taken by something else: a rename is the user's call.
    if (existing && scalarString(existing.pair.value) !== expression) return [];
    const edits: TextEdit[] = [
      { range: file.lines.range(replacement.from, replacement.to), newText: replacement.text },
    ];
    if (!existing) {
      const line = `${envName}: ${expression}`;
      const anchor = (pairOf(step, 'run') ?? pairOf(step, 'uses')) as Pair<Scalar, Node | null> | undefined;
      const edit = env
        ? isMap(env.value)
          ? insertIntoMap(file, env.value, [line])
          : undefined
        : anchor && insertBeforeKey(file, anchor, ['env:', `  ${line}`]);
      if (!edit) return [];
      edits.push(edit);
    }
    return [
      { title: `Move ${String(finding.data?.context)} to env: ${envName}`, edits, isPreferred: true, automatic: true },
    ];
  },
};

/** In JavaScript the value was inside a string literal: replace the whole literal with `process.env.NAME`. */
function jsReplacement(text: string, from: number, to: number, envName: string) {
  const before = text[from - 1];
  if ((before === '"' || before === "'" || before === '`') && text[to] === before)
    return { from: from - 1, to: to + 1, text: `process.env.${envName}` };
  return { from, to, text: `process.env.${envName}` };
}
