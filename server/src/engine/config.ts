/**
 * `.shipshape.yaml`: which rules run, at what severity, with what options, and which files to skip.
 * Layers, lowest first: rule defaults, the config file found upward from the checked file,
 * then the editor's `shipshape.rules` setting for that resource.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import picomatch from 'picomatch';
import { LineIndex } from './line-index';
import type { AnyRule, Range, RuleLookup, Severity, SeveritySetting } from './types';
import { SEVERITIES } from './types';
import { entries, nodeRange } from './yaml/nav';
import { directoryOf, toSlash } from './paths';
import { isOptIn } from './opt-in';

export const CONFIG_FILE_NAMES = ['.shipshape.yaml', '.shipshape.yml'] as const;

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}
export type RuleSettings = Record<string, RuleSetting>;

export interface ConfigProblem {
  message: string;
  /** Where in the config file; absent for settings that come from the editor. */
  range?: Range;
}

export interface LoadedConfig {
  path: string;
  /** Our own `.shipshape.yaml`, or a `.hadolint.yaml` read for compatibility. */
  source: 'shipshape' | 'hadolint';
  /** The folder the config file sits in: `ignore` globs are relative to it. */
  directory: string;
  rules: RuleSettings;
  ignore: string[];
  problems: ConfigProblem[];
  /** The lowest severity that fails a CLI run (`failOn`, or `failure-threshold` of a `.hadolint.yaml`); `--fail-on` wins. */
  failOn?: FailOn;
}

/** The lowest severity that makes the CLI exit 1, or `none` to never fail on findings. */
export type FailOn = Severity | 'none';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export interface EffectiveRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', ...SEVERITIES];

export function parseConfig(path: string, text: string, registry: RuleLookup): LoadedConfig {
  const lines = new LineIndex(text);
  const directory = directoryOf(toSlash(path));
  const config: LoadedConfig = { path, source: 'shipshape', directory, rules: {}, ignore: [], problems: [] };
  const document = parseDocument(text, { prettyErrors: false });
  for (const error of document.errors) {
    config.problems.push({ message: error.message.split('\n')[0], range: lines.range(error.pos[0], error.pos[1]) });
  }
  const root = document.contents;
  if (root === null || root === undefined) return config;
  if (!isMap(root)) {
    config.problems.push({
      message: 'The config file must be a mapping with `rules` and `ignore`.',
      range: nodeRange(lines, root),
    });
    return config;
  }
  for (const { key, pair } of entries(root)) {
    if (key === 'rules') {
      const { settings, problems } = readRuleSettings(pair.value, registry, lines);
      config.rules = settings;
      config.problems.push(...problems);
    } else if (key === 'ignore') {
      config.ignore = readIgnore(pair.value, lines, config.problems);
    } else if (key === 'failOn') {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (FAIL_ON.includes(value as FailOn)) config.failOn = value as FailOn;
      else
        config.problems.push({
          message: `'failOn' must be one of ${FAIL_ON.join(', ')}.`,
          range: nodeRange(lines, (pair.value ?? pair.key) as Node),
        });
    } else {
      config.problems.push({
        message: `Unknown key '${key}': expected 'rules', 'ignore' or 'failOn'.`,
        range: nodeRange(lines, pair.key),
      });
    }
  }
  return config;
}

/**
 * Normalise rule settings from either source: a YAML node of the config file (with positions for problems)
 * or the plain JSON value of the editor setting.
 */
export function readRuleSettings(
  value: unknown,
  registry: RuleLookup,
  lines?: LineIndex,
): { settings: RuleSettings; problems: ConfigProblem[] } {
  const settings: RuleSettings = {};
  const problems: ConfigProblem[] = [];
  const where = (node: unknown) => (lines && isNode(node) ? nodeRange(lines, node) : undefined);
  const items = isMap(value)
    ? entries(value).map(({ key, pair }) => ({ key, keyNode: pair.key as unknown, raw: pair.value as unknown }))
    : isPlainObject(value)
      ? Object.entries(value).map(([key, raw]) => ({ key, keyNode: undefined as unknown, raw }))
      : [];
  if (value !== undefined && value !== null && items.length === 0 && !isMap(value) && !isPlainObject(value)) {
    problems.push({
      message: '`rules` must map rule ids to a severity or [severity, {options}].',
      range: where(value),
    });
  }
  for (const { key, keyNode, raw } of items) {
    const rule = registry.get(key);
    if (!rule) {
      const suggestion = registry.suggest(key);
      problems.push({
        message: `Unknown rule '${key}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        range: where(keyNode),
      });
      continue;
    }
    const setting = readOneSetting(raw, rule, (message, node) => problems.push({ message, range: where(node ?? raw) }));
    if (setting) settings[key] = setting;
  }
  return { settings, problems };
}

function readOneSetting(
  raw: unknown,
  rule: AnyRule,
  problem: (message: string, node?: unknown) => void,
): RuleSetting | undefined {
  const plain = toPlain(raw);
  const [severityValue, optionsValue, ...rest] = Array.isArray(plain) ? plain : [plain];
  if (!SEVERITY_SETTINGS.includes(severityValue as SeveritySetting)) {
    problem(
      `'${String(severityValue)}' is not a severity for ${rule.id}: use off, info, warning or error.`,
      firstItem(raw),
    );
    return undefined;
  }
  const setting: RuleSetting = { severity: severityValue as SeveritySetting };
  if (rest.length > 0) problem(`Expected [severity, {options}] for ${rule.id}.`);
  if (optionsValue !== undefined) {
    if (!isPlainObject(optionsValue)) {
      problem(`Options for ${rule.id} must be a mapping.`);
    } else {
      setting.options = checkOptions(rule, optionsValue, problem);
    }
  }
  return setting;
}

/** Options are checked against the rule's defaults: unknown names and wrong types are reported. */
function checkOptions(rule: AnyRule, options: Record<string, unknown>, problem: (message: string) => void) {
  const defaults = 'defaultOptions' in rule ? (rule.defaultOptions as Record<string, unknown> | undefined) : undefined;
  const accepted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (!defaults || !(name in defaults)) {
      const known = defaults ? Object.keys(defaults) : [];
      problem(`${rule.id} has no option '${name}'.${known.length ? ` Options: ${known.join(', ')}.` : ''}`);
    } else if (!sameType(defaults[name], value)) {
      problem(`Option '${name}' of ${rule.id} must be ${describeType(defaults[name])}.`);
    } else {
      accepted[name] = value;
    }
  }
  return accepted;
}

function readIgnore(value: Node | null, lines: LineIndex, problems: ConfigProblem[]): string[] {
  if (!isSeq(value)) {
    problems.push({ message: '`ignore` must be a list of glob patterns.', range: nodeRange(lines, value) });
    return [];
  }
  const globs: string[] = [];
  for (const item of value.items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') globs.push(item.value);
    else
      problems.push({
        message: 'Each `ignore` entry must be a glob pattern string.',
        range: nodeRange(lines, item as Node),
      });
  }
  return globs;
}

/** Merge the layers for one rule: defaults, then each settings layer in order. */
export function effectiveRule(rule: AnyRule, layers: readonly (RuleSettings | undefined)[]): EffectiveRule {
  let severity: SeveritySetting = isOptIn(rule) ? 'off' : rule.defaultSeverity;
  let options: Record<string, unknown> = { ...(('defaultOptions' in rule && rule.defaultOptions) || {}) };
  for (const layer of layers) {
    const setting = layer?.[rule.id];
    if (!setting) continue;
    if (setting.severity) severity = setting.severity;
    if (setting.options) options = { ...options, ...setting.options };
  }
  return { severity, options };
}

/** Compiled `ignore` globs per loaded config: the CLI asks for every file and folder it walks. */
const ignoreMatchers = new WeakMap<LoadedConfig, (relative: string) => boolean>();

/** Whether `ignore` globs of the config exclude a file (paths relative to the config's folder). */
export function isIgnoredByConfig(config: LoadedConfig | undefined, filePath: string): boolean {
  if (!config || config.ignore.length === 0) return false;
  const normalized = toSlash(filePath);
  const prefix = config.directory.endsWith('/') ? config.directory : `${config.directory}/`;
  if (!normalized.startsWith(prefix)) return false;
  let matches = ignoreMatchers.get(config);
  if (!matches) {
    // `vendor/` or `vendor` should skip everything below it, as in .gitignore.
    matches = picomatch([...config.ignore, ...config.ignore.map((glob) => `${glob.replace(/\/+$/, '')}/**`)], {
      dot: true,
    });
    ignoreMatchers.set(config, matches);
  }
  return matches(normalized.slice(prefix.length));
}

export function isSeverity(value: unknown): value is Severity {
  return SEVERITIES.includes(value as Severity);
}

function toPlain(value: unknown): unknown {
  return isNode(value) ? (value as { toJSON(): unknown }).toJSON() : value;
}

function firstItem(raw: unknown): unknown {
  return isSeq(raw) ? raw.items[0] : raw;
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    'range' in value &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isNode(value);
}

function sameType(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual);
  return typeof expected === typeof actual && !Array.isArray(actual);
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'boolean' ? 'true or false' : `a ${typeof value}`;
}
