/**
 * `.hadolint.yaml` compatibility: users who come from hadolint keep their `ignored` and `override` lists,
 * `trustedRegistries`, `label-schema`, `strict-labels` and `failure-threshold`. Codes are mapped to our rules through each rule's `hadolint:`
 * aliases. Used only when no `.shipshape.yaml` applies to a file (see ConfigResolver).
 */
import { parse } from 'yaml';
import type { FailOn, LoadedConfig, RuleSettings } from './config';
import type { RuleLookup, SeveritySetting } from './types';
import { directoryOf, toSlash } from './paths';

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/** hadolint has four levels; `style` is our `info`. */
const LEVELS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
/** hadolint's `failure-threshold`: `ignore` and `none` never fail the run. */
const THRESHOLDS: Record<string, FailOn> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'info',
  ignore: 'none',
  none: 'none',
};
/** Our rule that enforces `trustedRegistries` (hadolint DL3026). */
const TRUSTED_REGISTRY_RULE = 'dockerfile/trusted-registry';
/**
 * hadolint has one pinning code per package manager; we have one rule with a `managers` option. Ignoring
 * one code drops that manager from the option instead of turning the whole rule off.
 */
/**
 * Codes for one check of our syntax rule (stage references: DL3022, DL3023, DL3024; ONBUILD triggers: DL3043;
 * instructions before FROM: DL3061). Ignoring them or changing
 * their level in `.hadolint.yaml` must not silence every syntax error; those stage errors fail the build anyway.
 */
const SYNTAX_PART_CODES = new Set(['DL3022', 'DL3023', 'DL3024', 'DL3043', 'DL3061']);
const PIN_PACKAGES_RULE = 'dockerfile/pin-packages';
/** hadolint's `label-schema` and `strict-labels` (DL3049–DL3058) become this rule's options. */
const LABEL_SCHEMA_RULE = 'dockerfile/label-schema';
const PIN_PACKAGES_CODES: Record<string, string> = {
  DL3008: 'apt',
  DL3013: 'pip',
  DL3016: 'npm',
  DL3018: 'apk',
  DL3028: 'gem',
  DL3033: 'yum',
  DL3037: 'zypper',
  DL3041: 'dnf',
  DL3062: 'go',
};

export function parseHadolintConfig(path: string, text: string, registry: RuleLookup): LoadedConfig {
  const directory = directoryOf(toSlash(path));
  const config: LoadedConfig = { path, source: 'hadolint', directory, rules: {}, ignore: [], problems: [] };
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    config.problems.push({
      message: `Cannot read ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    });
    return config;
  }
  if (typeof value !== 'object' || value === null) return config;
  const raw = value as Record<string, unknown>;
  const rules: RuleSettings = {};
  const set = (code: unknown, severity: SeveritySetting) => {
    if (typeof code !== 'string' || SYNTAX_PART_CODES.has(code.toUpperCase())) return;
    for (const rule of registry.byToolAlias('hadolint', code)) rules[rule.id] = { severity };
  };
  // Overrides first, so a code that is both overridden and ignored ends up off, as in hadolint.
  const override = raw.override;
  if (typeof override === 'object' && override !== null) {
    for (const [level, codes] of Object.entries(override as Record<string, unknown>)) {
      const severity = LEVELS[level];
      if (severity && Array.isArray(codes)) codes.forEach((code) => set(code, severity));
    }
  }
  const ignored = Array.isArray(raw.ignored) ? raw.ignored : [];
  ignored.filter((code) => !(String(code).toUpperCase() in PIN_PACKAGES_CODES)).forEach((code) => set(code, 'off'));
  const pinIgnored = ignored.map((code) => PIN_PACKAGES_CODES[String(code).toUpperCase()]).filter(Boolean);
  if (pinIgnored.length > 0 && registry.get(PIN_PACKAGES_RULE)) {
    const managers = Object.values(PIN_PACKAGES_CODES).filter((manager) => !pinIgnored.includes(manager));
    rules[PIN_PACKAGES_RULE] =
      managers.length === 0 ? { severity: 'off' } : { ...rules[PIN_PACKAGES_RULE], options: { managers } };
  }
  const registries = raw.trustedRegistries;
  if (Array.isArray(registries) && registries.length > 0 && registry.get(TRUSTED_REGISTRY_RULE)) {
    const names = registries.filter((name): name is string => typeof name === 'string');
    rules[TRUSTED_REGISTRY_RULE] = { ...rules[TRUSTED_REGISTRY_RULE], options: { registries: names } };
  }
  const labelSchema = raw['label-schema'];
  if (typeof labelSchema === 'object' && labelSchema !== null && registry.get(LABEL_SCHEMA_RULE)) {
    const labels = Object.fromEntries(
      Object.entries(labelSchema as Record<string, unknown>).filter(([, format]) => typeof format === 'string'),
    );
    rules[LABEL_SCHEMA_RULE] = {
      ...rules[LABEL_SCHEMA_RULE],
      options: { labels, strict: raw['strict-labels'] === true },
    };
  }
  const threshold = raw['failure-threshold'];
  if (typeof threshold === 'string') {
    config.failOn = THRESHOLDS[threshold];
    if (!config.failOn)
      config.problems.push({
        message: `Unknown failure-threshold '${threshold}': expected ${Object.keys(THRESHOLDS).join(', ')}.`,
      });
  }
  if (raw['no-fail'] === true) config.failOn = 'none';
  config.rules = rules;
  return config;
}
