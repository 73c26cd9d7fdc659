import { containersOf, describeContainer } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { asSeq, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { nameWords } from '../shared/secret-names';
import names from './data/secret-env-names.json';

const SECRET_WORDS = new Set(names.secret);
const NOT_SECRET_WORDS = new Set(names.notSecret);
const PRIVATE_KEY = /-{3,}\s*BEGIN [A-Z ]*PRIVATE KEY/;
/** Values that are not the secret itself: a `$(VAR)` reference, a path, a boolean or number. */
const NOT_A_SECRET_VALUE = /^(\$\(.*\)|\$\{.*\}|\/\S*|true|false|yes|no|\d{1,5})$/i;

function looksSecret(name: string): boolean {
  // This rule's word lists are upper case (kube-linter's and Polaris' style): `dbPassword` → [DB, PASSWORD].
  const parts = nameWords(name).map((word) => word.toUpperCase());
  return parts.some((word) => SECRET_WORDS.has(word)) && !parts.some((word) => NOT_SECRET_WORDS.has(word));
}

export const secretInEnv: Rule<'kubernetes'> = {
  id: 'kubernetes/secret-in-env',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Secrets should come from a Secret through secretKeyRef, not be written as literal environment values.',
  },
  aliases: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        for (const item of asSeq(mapGet(ref.container, 'env'))?.items ?? []) {
          const name = scalarString(mapGet(item, 'name'));
          const valueNode = mapGet(item, 'value');
          const value = scalarString(valueNode);
          const range = nodeRange(file.lines, valueNode);
          if (!name || !value || !range) continue;
          const privateKey = PRIVATE_KEY.test(value);
          if (!privateKey && (!looksSecret(name) || NOT_A_SECRET_VALUE.test(value.trim()))) continue;
          report({
            range,
            message: `${name} of the ${describeContainer(ref)} ${privateKey ? 'holds a private key' : 'looks like a secret'} written in the manifest: store it in a Secret and use valueFrom.secretKeyRef.`,
            data: { env: name },
          });
        }
      }
    }
  },
};
