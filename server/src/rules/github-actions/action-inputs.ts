import type { Rule } from '../../engine/types';
import { entries, keyRange, mapGet } from '../../engine/yaml/nav';
import data from './data/action-inputs.json';
import { closest } from '../../engine/text';
import { usesSites } from './model/uses-sites';
import { inputsUnknown, refMajor } from './model/workflow-model';

interface ActionInputs {
  since: number;
  required: string[];
  inputs: string[];
}
const catalogue: Record<string, ActionInputs | undefined> = data.actions;

export const actionInputs: Rule<'github-actions'> = {
  id: 'github-actions/action-inputs',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: { summary: 'Inputs passed to a popular action must be ones it declares, and its required inputs must be set.' },
  aliases: ['actionlint:action'],
  check({ file, report }) {
    for (const { uses, owner, isJob } of usesSites(file)) {
      if (isJob || uses.kind !== 'repository') continue;
      const action = catalogue[uses.written.slice(0, uses.written.lastIndexOf('@')).toLowerCase()];
      const major = refMajor(uses.ref);
      // Inputs change between majors; an unknown major (a SHA, a branch) could be any of them.
      // `with: ${{ fromJSON(...) }}` passes inputs computed at run time.
      if (!action || major === undefined || major < action.since || inputsUnknown(owner)) continue;
      const given = entries(mapGet(owner, 'with'));
      const known = new Map(action.inputs.map((name) => [name.toLowerCase(), name]));
      for (const { key, pair } of given) {
        if (known.has(key.toLowerCase()) || key.includes('${{')) continue;
        const range = keyRange(file.lines, pair);
        if (!range) continue;
        const suggestion = closest(key, action.inputs);
        report({
          range,
          message: `${uses.name}@${uses.ref} has no input '${key}'${suggestion ? `: did you mean '${suggestion}'?` : `. Its inputs: ${action.inputs.join(', ')}.`}`,
          data: suggestion ? { suggestion } : undefined,
        });
      }
      const givenNames = new Set(given.map(({ key }) => key.toLowerCase()));
      const missing = action.required.filter((name) => !givenNames.has(name.toLowerCase()));
      if (missing.length > 0) {
        report({
          range: uses.valueRange,
          message: `${uses.name} needs the input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} under with:.`,
        });
      }
    }
  },
};
