/**
 * Inputs a popular action still takes but has deprecated: they work today and go away in a later major,
 * and the runner only prints the deprecation in the log, where nobody looks.
 */
import data from '../data/deprecated-inputs.json';
import { refMajor, type UsesRef } from '../model/workflow-model';

interface Deprecation {
  use?: string;
  why?: string;
}
interface DeprecatedInputs {
  majors: number[];
  inputs: Record<string, Deprecation | undefined>;
}
const catalogue = new Map<string, DeprecatedInputs>(
  Object.entries(data.actions).map(([name, entry]) => [name.toLowerCase(), entry as DeprecatedInputs]),
);

/** What to say of a deprecated input of the action a step uses; undefined when it is not one. */
export function deprecationOf(uses: UsesRef, input: string): string | undefined {
  if (uses.kind !== 'repository') return undefined;
  const path = uses.written.slice(0, uses.written.lastIndexOf('@'));
  const action = catalogue.get(path.toLowerCase());
  // `release/v1` is how pypa/gh-action-pypi-publish tells users to pin its major.
  const major = refMajor(uses.ref) ?? refMajor(uses.ref.replace(/^release\//, ''));
  if (!action || major === undefined || !action.majors.includes(major)) return undefined;
  const deprecation = action.inputs[input.toLowerCase()];
  if (!deprecation) return undefined;
  return deprecation.use
    ? `Input '${input}' of ${path}@${uses.ref} is deprecated: use '${deprecation.use}' instead.`
    : `Input '${input}' of ${path}@${uses.ref} is deprecated: ${deprecation.why}.`;
}
