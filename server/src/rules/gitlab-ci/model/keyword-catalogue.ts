/** The GitLab CI keyword catalogue (schemas/gitlab-ci/keywords.json), typed, with the type test it needs. */
import { isMap, isScalar, isSeq } from 'yaml';
import data from '../../../../../schemas/gitlab-ci/keywords.json';
import { booleanValue, type Located } from './yaml-resolve';

export type ValueType = 'scalar' | 'boolean' | 'number' | 'array' | 'map';
type KeywordTypes = Record<string, ValueType[]>;

export const catalogue = data as unknown as {
  defaultStages: string[];
  alwaysStages: string[];
  global: KeywordTypes;
  job: KeywordTypes;
  jobBodies: string[];
  subkeys: Record<string, string[]>;
  when: Record<'job' | 'rules' | 'workflowRules' | 'artifacts' | 'cache', string[]>;
};

/** Whether a resolved value has one of the types; null (an empty value) is left to GitLab's own messages. */
export function hasType(value: Located, types: readonly ValueType[]): boolean {
  const node = value.node;
  if (isMap(node)) return types.includes('map');
  if (isSeq(node)) return types.includes('array');
  if (!isScalar(node) || node.value === null) return true;
  if (booleanValue(value) !== undefined && types.includes('boolean')) return true;
  if (typeof node.value === 'number') return types.includes('number') || types.includes('scalar');
  if (typeof node.value === 'boolean') return types.includes('boolean');
  return types.includes('scalar');
}

export function describeTypes(types: readonly ValueType[]): string {
  const words: Record<ValueType, string> = {
    scalar: 'a string',
    boolean: 'true or false',
    number: 'a number',
    array: 'a list',
    map: 'a mapping',
  };
  const parts = types.map((type) => words[type]);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : parts[0];
}
