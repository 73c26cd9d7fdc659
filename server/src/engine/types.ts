/**
 * The engine's vocabulary. Pure data: nothing here knows about LSP connections or VS Code,
 * so the language server and the CLI share every line of the engine.
 */
import type { Document, LineCounter } from 'yaml';
import type { Dockerfile } from 'dockerfile-ast';
import type { KubernetesObject } from './kubernetes/objects';
import type { LineIndex } from './line-index';
import type { Range } from './range';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export type SeveritySetting = Severity | 'off';

/** The kinds of file Shipshape understands. `shipshape` is our own `.shipshape.yaml`. */
export type FileKind = 'dockerfile' | 'kubernetes' | 'github-actions' | 'gitlab-ci' | 'compose' | 'shipshape';
export const FILE_KINDS: readonly FileKind[] = [
  'dockerfile',
  'kubernetes',
  'github-actions',
  'gitlab-ci',
  'compose',
  'shipshape',
];
/** `any` marks the engine's own rules (unused suppressions, rule crashes), reported for every kind. */
export type RuleKind = FileKind | 'any';

export type { Position, Range } from './range';

/** The tools whose rule names we accept as aliases (in suppressions, configs and reports). */
export type AliasTool =
  | 'hadolint'
  | 'buildkit'
  | 'trivy'
  | 'checkov'
  | 'kube-linter'
  | 'polaris'
  | 'kube-score'
  | 'actionlint'
  | 'zizmor'
  | 'scorecard'
  | 'shellcheck';
/** `tool:check`, e.g. `hadolint:DL3007` or `kube-linter:latest-tag`. */
export type Alias = `${AliasTool}:${string}`;

/** Structured, JSON-serialisable payload a quick fix reads; never parsed out of message text. */
export type FixData = Record<string, unknown>;

/** What a rule reports. The engine adds rule id, severity and file. */
export interface Report {
  range: Range;
  message: string;
  data?: FixData;
  /** Lets a rule soften or harden one finding (e.g. info for first-party actions) below the configured severity. */
  severity?: Severity;
}

export interface Finding extends Report {
  file: string;
  ruleId: string;
  severity: Severity;
}

/** Filesystem reads the engine may need (a `.dockerignore`, a build context), injected so the engine stays pure. */
export interface Host {
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

/** A problem found while parsing, turned into a `<kind>/syntax` finding by that kind's syntax rule. */
export interface ParseProblem {
  range: Range;
  message: string;
}

interface ParsedBase {
  path: string;
  text: string;
  lines: LineIndex;
  parseProblems: ParseProblem[];
}

export interface DockerfileFile extends ParsedBase {
  kind: 'dockerfile';
  dockerfile: Dockerfile;
}

export interface YamlFile<K extends FileKind = FileKind> extends ParsedBase {
  kind: K;
  /** Every document of a multi-document stream, in order; positions come from `lineCounter`. */
  documents: Document.Parsed[];
  lineCounter: LineCounter;
}

export interface KubernetesFile extends YamlFile<'kubernetes'> {
  objects: KubernetesObject[];
}

export interface GitHubActionsFile extends YamlFile<'github-actions'> {
  /** A workflow under `.github/workflows/`, or an action's `action.yml` metadata. */
  flavor: 'workflow' | 'action';
}

export type ParsedFile =
  | DockerfileFile
  | KubernetesFile
  | GitHubActionsFile
  | YamlFile<'gitlab-ci'>
  | YamlFile<'compose'>
  | YamlFile<'shipshape'>;

export type ParsedFileOf<K extends FileKind> = Extract<ParsedFile, { kind: K }>;

/** Every other parsed file of the workspace, for cross-file rules. Parsing is lazy and cached. */
export interface WorkspaceView {
  files<K extends FileKind>(kind: K): Iterable<ParsedFileOf<K>>;
  /** The files of a kind directly in a folder (as `directoryOf` names it), in the order `files` yields them. */
  filesIn<K extends FileKind>(folder: string, kind: K): Iterable<ParsedFileOf<K>>;
  /**
   * Files of the workspace by base name, whatever their kind, as text: for files that are not checked
   * themselves but tell how others are used (a `kustomization.yaml` lists resources and patches).
   */
  textsNamed(baseNames: readonly string[]): Iterable<{ path: string; text: string }>;
  /**
   * Changes whenever a file is added, changed or removed, and differs between workspaces: rules may keep
   * an index of the workspace's files while it stays the same. Undefined: keep nothing.
   */
  readonly version?: number;
}

export interface RuleContext<K extends FileKind = FileKind, O = Record<string, unknown>> {
  file: ParsedFileOf<K>;
  options: O;
  workspace: WorkspaceView;
  host: Host;
  /** Every rule Shipshape has: for the rules that check our own config and comments. */
  registry: RuleLookup;
  report(report: Report): void;
}

export interface RuleDocs {
  /** One sentence: shown on hover, in SARIF `shortDescription` and in the README table. */
  summary: string;
}

export interface Rule<K extends FileKind = FileKind, O extends object = Record<string, unknown>> {
  /** Stable, kebab-case, prefixed by file kind: `dockerfile/pin-base-image`. Never renamed. */
  id: string;
  kind: K;
  /** Where the rule runs: one file, or that file against the whole workspace (cross-file). */
  defaultSeverity: Severity;
  /**
   * Off unless a config turns it on (then at `defaultSeverity`): for checks that are a team's policy rather
   * than a problem in every file (no inline suppressions, numeric USER only).
   */
  optIn?: true;
  docs: RuleDocs;
  aliases: readonly Alias[];
  /** Options a user may set in `[severity, {options}]`; their JSON schema goes into schemas/. */
  defaultOptions?: O;
  optionsSchema?: Record<string, unknown>;
  /** `workspace` rules read other files, so an edit anywhere re-checks every open file. */
  scope?: 'file' | 'workspace';
  /**
   * `skip` for rules that judge a file as its tool reads it (syntax, schema): in a template for another
   * tool (`{{ }}`, `${VAR}` placeholders) they would report the placeholders, so the engine skips them.
   */
  templates?: 'skip';
  /**
   * `check` for rules that judge pieces of objects too (syntax, schema with its own allowances): in a
   * file another file merges into a whole (a kustomize patch), every other rule is skipped.
   */
  partials?: 'check';
  check(context: RuleContext<K, O>): void;
}

/** A rule the engine or the host reports itself: it has no `check` of its own. */
export interface EngineRule {
  id: string;
  /** The kind of file its findings are on: one kind (an outside program's rule, pyflakes), or `any`. */
  kind: 'any' | FileKind;
  defaultSeverity: Severity;
  docs: RuleDocs;
  aliases: readonly Alias[];
  /**
   * Findings come from an outside program after the engine's run (ShellCheck): the engine cannot tell
   * whether a suppression of it is used, so it does not say it is unused.
   */
  external?: true;
}

/**
 * Rules made on demand from their id or a tool's name for them (`shellcheck/SC2086`), for a tool whose
 * checks are too many, and too changing, to list.
 */
export interface RuleFamily {
  get(id: string): EngineRule | undefined;
  byToolAlias(tool: string, check: string): EngineRule | undefined;
}

/**
 * What rules and config parsers may ask of the rule registry (`registry.ts` implements it): an
 * interface, so that rules see the registry without the engine's types depending on its module.
 */
export interface RuleLookup {
  readonly all: readonly AnyRule[];
  get(id: string): AnyRule | undefined;
  has(id: string): boolean;
  forKind(kind: FileKind): readonly CheckingRule[];
  /** Rules a foreign tool's check name stands for, e.g. (`hadolint`, `DL3007`). Case-insensitive. */
  byToolAlias(tool: string, check: string): readonly AnyRule[];
  /** The closest known rule id, for "did you mean" messages. */
  suggest(id: string): string | undefined;
  /** Whether a file of this kind is a piece of objects defined elsewhere; per kind, from its rules' model. */
  isPartial(file: ParsedFile, workspace: WorkspaceView): boolean;
}

/** Tells, per kind, whether a file is a piece merged into an object defined elsewhere (a kustomize patch). */
export type PartialFileTest = (file: ParsedFile, workspace: WorkspaceView) => boolean;

/** Rules of any kind, as stored in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any> | EngineRule;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CheckingRule = Rule<any, any>;
