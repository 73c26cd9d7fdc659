import type { Env, Property } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import secretNames from './data/secret-names.json';

export const secretInEnv: Rule<'dockerfile'> = {
  id: 'dockerfile/secret-in-env',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Secrets must not be set with ENV or ARG: both are stored in the image metadata; use RUN --mount=type=secret.',
  },
  aliases: ['buildkit:SecretsUsedInArgOrEnv', 'hadolint:DL3064'],
  check({ file, report }) {
    const instructions = file.dockerfile.getInstructions();
    for (const instruction of instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const property of (instruction as Env).getProperties()) {
        if (!looksSecret(property.getName()) || !hasLiteralValue(property)) continue;
        report({
          range: property.getNameRange(),
          message: `${keyword} ${property.getName()} puts a secret into the image metadata (docker history and docker inspect show it): pass it with RUN --mount=type=secret,id=${property.getName().toLowerCase()} instead.`,
        });
      }
    }
  },
};

function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[_\-.]+/)
    .filter(Boolean);
  if (words.length === 0 || secretNames.harmlessSuffixes.includes(words.at(-1)!)) return false;
  if (words.some((word) => secretNames.secretWords.includes(word))) return true;
  return secretNames.secretPairs.some(([a, b]) => words.some((word, i) => word === a && words[i + 1] === b));
}

/** A value written in the Dockerfile; `ENV TOKEN=$TOKEN` only forwards a build argument and has no literal. */
function hasLiteralValue(property: Property): boolean {
  const value = property.getValue();
  if (value === null) return false;
  const unquoted = value.replace(/^["']|["']$/g, '').trim();
  return unquoted !== '' && !/^\$\{?\w+\}?$/.test(unquoted);
}
