import type { AnyRule } from './types';

/** A rule that is off until a config turns it on (then at its `defaultSeverity`). Its own module: the CLI's light paths use it. */
export function isOptIn(rule: AnyRule): boolean {
  return 'optIn' in rule && rule.optIn === true;
}
