/**
 * ShellCheck's checks as Shipshape rules: `shellcheck/SC2086`, one per ShellCheck code, made on demand
 * (ShellCheck has hundreds and adds more; listing them here would only go stale). Each carries the names
 * hadolint and ShellCheck users already write, so `# hadolint ignore=SC2086` and config entries keep working.
 */
import type { AliasTool, EngineRule, RuleFamily } from '../../../engine/types';

export const SHELLCHECK_PREFIX = 'shellcheck/';
const CODE = /^SC\d{4}$/i;

export function shellcheckRuleId(code: number | string): string {
  return `${SHELLCHECK_PREFIX}SC${String(code).replace(/^SC/i, '')}`;
}

const made = new Map<string, EngineRule>();
const TOOLS: readonly AliasTool[] = ['shellcheck', 'hadolint'];

function ruleFor(code: string): EngineRule {
  const upper = code.toUpperCase();
  let rule = made.get(upper);
  if (!rule) {
    rule = {
      id: `${SHELLCHECK_PREFIX}${upper}`,
      kind: 'any',
      defaultSeverity: 'warning',
      docs: { summary: `ShellCheck ${upper} in a RUN or run: script (needs shellcheck installed).` },
      aliases: TOOLS.map((tool) => `${tool}:${upper}` as const),
      external: true,
    };
    made.set(upper, rule);
  }
  return rule;
}

export const shellcheckRules: RuleFamily = {
  get(id) {
    if (!id.toLowerCase().startsWith(SHELLCHECK_PREFIX)) return undefined;
    const code = id.slice(SHELLCHECK_PREFIX.length);
    return CODE.test(code) ? ruleFor(code) : undefined;
  },
  byToolAlias(tool, check) {
    return TOOLS.includes(tool.toLowerCase() as AliasTool) && CODE.test(check) ? ruleFor(check) : undefined;
  },
};
