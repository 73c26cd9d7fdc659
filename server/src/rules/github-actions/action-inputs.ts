import type { Rule } from '../../engine/types';
import { entries, getIn, keyRange, mapGet, scalarString } from '../../engine/yaml/nav';
import data from './data/action-inputs.json';
import { closest } from '../../engine/text';
import { deprecationOf } from './action-inputs/deprecated';
import { declaredInputs, localActionOf } from './model/local-actions';
import { usesSites, type UsesSite } from './model/uses-sites';
import { inputsUnknown, refMajor } from './model/workflow-model';

interface ActionInputs {
  since: number;
  required: string[];
  inputs: string[];
}
const catalogue: Record<string, ActionInputs | undefined> = data.actions;
const DOCKER_ONLY: ReadonlySet<string> = new Set(['entrypoint', 'args']);

export const actionInputs: Rule<'github-actions'> = {
  id: 'github-actions/action-inputs',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Inputs passed to a popular action or a local action (its action.yml) must be ones it declares, and its required inputs must be set.',
  },
  aliases: ['actionlint:action'],
  check({ file, host, report }) {
    for (const site of usesSites(file)) {
      const { uses, owner } = site;
      // `with: ${{ fromJSON(...) }}` passes inputs computed at run time.
      if (site.isJob || inputsUnknown(owner)) continue;
      const given = entries(mapGet(owner, 'with'));
      const deprecated = new Set<string>();
      for (const { key, pair } of given) {
        const message = deprecationOf(uses, key);
        const range = message && keyRange(file.lines, pair);
        if (!range) continue;
        deprecated.add(key);
        report({ range, message });
      }
      const action = inputsOf(site, file, host);
      if (!action) continue;
      const known = new Map(action.inputs.map((name) => [name.toLowerCase(), name]));
      for (const { key, pair } of given) {
        if (known.has(key.toLowerCase()) || deprecated.has(key) || key.includes('${{')) continue;
        const range = keyRange(file.lines, pair);
        if (!range) continue;
        const suggestion = closest(key, action.inputs);
        report({
          range,
          message: `${action.label} has no input '${key}'${suggestion ? `: did you mean '${suggestion}'?` : `. Its inputs: ${action.inputs.join(', ') || 'none'}.`}${DOCKER_ONLY.has(key.toLowerCase()) ? ' (with.entrypoint and with.args only override those of a Docker container action, and this is not one.)' : ''}`,
          data: suggestion ? { suggestion } : undefined,
        });
      }
      const givenNames = new Set(given.map(({ key }) => key.toLowerCase()));
      const missing = action.required.filter((name) => !givenNames.has(name.toLowerCase()));
      if (missing.length > 0) {
        report({
          range: uses.valueRange,
          message: `${action.label} needs the input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} under with:.`,
        });
      }
    }
  },
};

/** The inputs of the action a step uses: from the catalogue of popular actions, or a local action's own metadata. */
function inputsOf(
  { uses }: UsesSite,
  file: Parameters<typeof localActionOf>[0],
  host: Parameters<typeof localActionOf>[2],
): (ActionInputs & { label: string }) | undefined {
  if (uses.kind === 'local') {
    const local = localActionOf(file, uses, host);
    const declared = local && declaredInputs(local.metadata);
    if (!declared) return undefined;
    // A Docker container action also takes with.entrypoint and with.args, which replace its image's.
    const docker = scalarString(getIn(local.metadata, ['runs', 'using']))?.toLowerCase() === 'docker';
    const inputs = docker ? [...declared.inputs, ...DOCKER_ONLY] : declared.inputs;
    return { ...declared, inputs, since: 0, label: `The action ${uses.written}` };
  }
  if (uses.kind !== 'repository') return undefined;
  const action = catalogue[uses.written.slice(0, uses.written.lastIndexOf('@')).toLowerCase()];
  const major = refMajor(uses.ref);
  // Inputs change between majors; an unknown major (a SHA, a branch) could be any of them.
  if (!action || major === undefined || major < action.since) return undefined;
  return { ...action, label: `${uses.name}@${uses.ref}` };
}
