import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Range, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { isLiteralSecretValue, looksLikeSecretName, urlCredentials } from '../shared/secret-names';
import { scalarSliceRange } from '../shared/yaml-scalar';
import { composeProject } from './model/project';

export const plaintextSecret: Rule<'compose'> = {
  id: 'compose/plaintext-secret',
  kind: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Secrets in environment: should come from ${VAR} interpolation, an env file or secrets:, not be written into the Compose file.',
  },
  aliases: [],
  check({ file, workspace, report }) {
    for (const service of composeProject(file, workspace).services) {
      for (const variable of environmentOf(service.get('environment'), file.lines)) {
        const credentials = urlCredentials(variable.value);
        if (credentials) {
          const range = variable.sliceRange(credentials.start, credentials.end);
          if (!range) continue;
          report({
            range,
            message: `The URL in ${variable.name} of service '${service.name}' contains a password: take it from \${VAR} interpolation or an env file.`,
            data: { replacement: `\${${variable.name}_PASSWORD}`, replaceRange: range },
          });
        } else if (looksLikeSecretName(variable.name) && isLiteralSecretValue(variable.value)) {
          const range = variable.sliceRange(0, variable.value.length);
          if (!range) continue;
          report({
            range,
            message: `${variable.name} of service '${service.name}' is written into the Compose file: use \${${variable.name}} interpolation, an env_file, or secrets:.`,
            data: variable.safeToInterpolate
              ? { replacement: variable.quote(`\${${variable.name}}`), replaceRange: range }
              : undefined,
          });
        }
      }
    }
  },
};

interface EnvironmentVariable {
  name: string;
  value: string;
  /** The source range of part of the value. */
  sliceRange(start: number, end: number): Range | undefined;
  /** `${VAR}` can replace the value without breaking the YAML around it. */
  safeToInterpolate: boolean;
  quote(text: string): string;
}

/** `environment:` in map form (`KEY: value`) or list form (`- KEY=value`); entries without a value are skipped. */
function environmentOf(
  environment: Node | undefined,
  lines: import('../../engine/line-index').LineIndex,
): EnvironmentVariable[] {
  const result: EnvironmentVariable[] = [];
  if (isMap(environment)) {
    for (const pair of environment.items) {
      const value = pair.value;
      if (!isScalar(pair.key) || !isScalar(value) || value.value === null || typeof value.value === 'boolean') continue;
      const text = typeof value.value === 'string' ? value.value : String(value.source ?? value.value);
      const whole = nodeRange(lines, value);
      result.push({
        name: String(pair.key.value),
        value: text,
        // The whole scalar (quotes included) is what gets replaced in map form.
        sliceRange: (start, end) =>
          start === 0 && end === text.length ? whole : scalarSliceRange(value, lines, start, end),
        safeToInterpolate: true,
        quote: (replacement) => `"${replacement}"`,
      });
    }
  } else if (isSeq(environment)) {
    for (const item of environment.items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      const equals = item.value.indexOf('=');
      if (equals <= 0) continue;
      const offset = equals + 1;
      result.push({
        name: item.value.slice(0, equals),
        value: item.value.slice(offset),
        sliceRange: (start, end) => scalarSliceRange(item, lines, offset + start, offset + end),
        // Braces in a plain scalar inside `[...]` would end the flow sequence.
        safeToInterpolate: !environment.flow || item.type !== 'PLAIN',
        quote: (replacement) => replacement,
      });
    }
  }
  return result;
}
