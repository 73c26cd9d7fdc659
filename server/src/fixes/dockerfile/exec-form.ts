import type { FixProvider } from '../types';
import { dockerfileOf, replace, tokenText } from './edit-helpers';

/** Words without quotes, variables, globs or shell operators: safe to rewrite as JSON strings. */
const PLAIN = /^[\w./:=@%+,-]+(\s+[\w./:=@%+,-]+)*$/;

export const execForm: FixProvider = {
  ruleIds: ['dockerfile/json-exec-form'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    if (!file) return [];
    const command = tokenText(file, finding.range).trim();
    if (!PLAIN.test(command)) return [];
    const json = `[${command
      .split(/\s+/)
      .map((word) => JSON.stringify(word))
      .join(', ')}]`;
    return [{ title: `Rewrite as ${json}`, edits: [replace(finding.range, json)], isPreferred: true, automatic: true }];
  },
};
