/**
 * Files that are templates for another tool (Go or mustache `{{ }}`, Jinja `{% %}`, envsubst `${VAR}`,
 * `%%VAR%%`, starter-workflow `$default-branch`, upper-case placeholders a script replaces) are not
 * what Docker, Kubernetes or a CI system will read: judging them as such gives dozens of false errors.
 * The engine skips the rules that judge a file as its tool reads it (syntax, schema), drops findings
 * on the placeholders themselves, and says once that it did. The patterns are deliberately narrow:
 * each is one that the file's own tool would never accept, or never write, at that place.
 */
import { isCollection, isPair, isScalar, type Pair, type Scalar } from 'yaml';
import type { LineIndex } from './line-index';
import type { ParsedFile, Range } from './types';

export interface TemplateEvidence {
  /** The first placeholder, where the one finding about the template points. */
  range: Range;
  /** What kind of placeholder: "{{ }} placeholders", for the message. */
  what: string;
  /** Every placeholder seen: findings on them are about the template syntax, not the file. */
  placeholders: Range[];
}

interface Pattern {
  what: string;
  regex: RegExp;
  /** Every match contains one of these: a text with none has no match, and is not searched. */
  needles: readonly string[];
}

const CONTROL_LINE: Pattern = {
  what: 'template directives ({{ }} or {% %})',
  regex: /^\s*(\{\{|\{%)[^\n]*?(\}\}|%\})/gm,
  needles: ['{{', '{%'],
};
const UNQUOTED_MUSTACHE: Pattern = {
  what: '{{ }} placeholders',
  regex: /(?<=:\s+|-\s+)\{\{[^}\n]*\}\}/g,
  needles: ['{{'],
};
/**
 * In a Dockerfile, `{{ }}` in an instruction's own arguments (not inside a RUN script, where
 * `docker inspect -f '{{.Id}}'` is ordinary), a line that is a template directive, or `%%VAR%%`.
 */
const DOCKERFILE_PLACEHOLDER: Pattern = {
  what: '{{ }} or %%VAR%% placeholders',
  regex:
    /(?<=^[ \t]*(?:FROM|ARG|ENV|LABEL|USER|WORKDIR|EXPOSE|COPY|ADD)\b[^\n]*)\{\{[^}\n]*\}\}|^[ \t]*(\{\{|\{%)[^\n]*|%%[A-Z][A-Z0-9_]*%%/gim,
  // The look-behind is tried at every position of a file: most Dockerfiles have none of these at all.
  needles: ['{{', '{%', '%%'],
};
const STARTER_WORKFLOW: Pattern = {
  what: 'starter-workflow placeholders ($default-branch, $cron-daily…)',
  regex:
    /\$(default-branch|protected-branches|cron-(hourly|daily|weekly|monthly)|supported-codeql-languages|codeql-languages-matrix|registry-url)\b/g,
  needles: ['$'],
};
/** `Dockerfile.template`, `Dockerfile-alpine.tmpl`, `Dockerfile.j2`: rendered by another tool first. */
const TEMPLATE_FILE_NAME = /\.(template|tmpl|tpl|j2|jinja2?|mustache|gotmpl)$/i;

const cache = new WeakMap<ParsedFile, TemplateEvidence | null>();

/**
 * Parses made from the previous parse of their file by an edit inside one plain scalar value
 * (yaml/reparse.ts): that scalar, and whether the previous parse had no placeholder at all.
 */
const scalarEdits = new WeakMap<ParsedFile, { noneBefore: boolean; scalar: Scalar }>();

/** `file` is `previous` but for the value of `scalar` (and the offsets after it). */
export function noteScalarEdit(file: ParsedFile, previous: ParsedFile, scalar: Scalar): void {
  scalarEdits.set(file, { noneBefore: cache.get(previous) === null, scalar });
}

/** Evidence that the file is a template, or undefined for a file its tool reads as it is. */
export function templateEvidence(file: ParsedFile): TemplateEvidence | undefined {
  let evidence = cache.get(file);
  if (evidence === undefined) {
    evidence = detect(file) ?? null;
    cache.set(file, evidence);
  }
  return evidence ?? undefined;
}

function detect(file: ParsedFile): TemplateEvidence | undefined {
  // Blanking comments keeps every other character where it was, so it adds no needle to the text.
  let blanked: string | undefined;
  const text = { raw: file.text, blanked: () => (blanked ??= withoutComments(file.text, file.kind === 'dockerfile')) };
  switch (file.kind) {
    case 'dockerfile': {
      const found = matches(file.lines, text, DOCKERFILE_PLACEHOLDER);
      if (found) return found;
      const base = file.path.slice(file.path.lastIndexOf('/') + 1);
      if (!TEMPLATE_FILE_NAME.test(base)) return undefined;
      return { range: file.lines.range(0, 0), what: `its name (${base})`, placeholders: [] };
    }
    case 'github-actions':
      // `{{ }}` inside a value is legitimate there (docker/metadata-action patterns) and `${{ }}` is
      // GitHub's own; only a whole unquoted `{{ x }}` value or a directive line is a template's.
      return (
        matches(file.lines, text, STARTER_WORKFLOW) ??
        matches(file.lines, text, CONTROL_LINE) ??
        matches(file.lines, text, UNQUOTED_MUSTACHE)
      );
    case 'kubernetes':
      return (
        matches(file.lines, text, CONTROL_LINE) ??
        matches(file.lines, text, UNQUOTED_MUSTACHE) ??
        (stillNoPlaceholders(file) ? undefined : kubernetesPlaceholders(file))
      );
    case 'gitlab-ci':
    case 'compose':
      // Both interpolate `${VAR}` themselves and may carry `{{ }}` in scripts and labels.
      return matches(file.lines, text, CONTROL_LINE) ?? matches(file.lines, text, UNQUOTED_MUSTACHE);
    case 'shipshape':
      return undefined;
  }
}

/** A file's text as written, and with its comments blanked out (made on first need). */
interface SearchedText {
  raw: string;
  blanked(): string;
}

function matches(lines: LineIndex, text: SearchedText, pattern: Pattern): TemplateEvidence | undefined {
  if (!pattern.needles.some((needle) => text.raw.includes(needle))) return undefined;
  const placeholders = [...text.blanked().matchAll(pattern.regex)].map((match) =>
    lines.range(match.index, match.index + match[0].length),
  );
  if (placeholders.length === 0) return undefined;
  return { range: placeholders[0], what: pattern.what, placeholders };
}

/** Comments blanked out (same length, so offsets stay), so that a commented example is not evidence. */
function withoutComments(text: string, dockerfile: boolean): string {
  const comment = dockerfile ? /^[ \t]*#.*$/gm : /(^|[ \t])#.*$/gm;
  return text.replace(comment, (line) => ' '.repeat(line.length));
}

/** Keys under which a single-line `${VAR}` or `{{ x }}` is data for the program, not a template. */
const PROGRAM_TEXT = new Set(['command', 'args', 'data', 'stringData', 'script', 'annotations']);
/** Fields Kubernetes requires in lower case: an upper-case word there is a placeholder a script replaces. */
const LOWER_CASE_FIELDS = new Set(['image', 'serviceAccountName', 'claimName', 'storageClassName']);
/** Likewise under `metadata:` (an env var's `name` is upper case by custom, so only there). */
const LOWER_CASE_METADATA = new Set(['name', 'namespace']);
const ENVSUBST = /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-=?+][^}]*)?\}|\{\{[^}\n]*\}\}/g;
const UPPER_CASE_PLACEHOLDER = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$/;

/**
 * Placeholders in a manifest's values: envsubst `${VAR}` or quoted `{{ x }}` in a one-line value, or an
 * upper-case word (`PROJECT_ID`) where Kubernetes allows only lower case, outside the text programs read.
 */
function kubernetesPlaceholders(file: Extract<ParsedFile, { kind: 'kubernetes' }>): TemplateEvidence | undefined {
  const placeholders: Range[] = [];
  let what = '';
  // Every match of ENVSUBST starts with `${` or `{{`: without either, no value has one to look for.
  const mayHaveEnvsubst = file.text.includes('${') || file.text.includes('{{');
  const value = (scalar: Scalar) => {
    if (!mayHaveEnvsubst || typeof scalar.value !== 'string') return;
    if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return;
    const start = scalar.range?.[0];
    if (start === undefined) return;
    const source = file.text.slice(start, scalar.range![1]);
    for (const match of source.matchAll(ENVSUBST)) {
      placeholders.push(file.lines.range(start + match.index, start + match.index + match[0].length));
      what ||= match[0].startsWith('$') ? 'envsubst placeholders (${VAR})' : '{{ }} placeholders';
    }
  };
  const pair = (entry: Pair, owner: Pair | undefined) => {
    const key = isScalar(entry.key) ? String(entry.key.value) : '';
    if (PROGRAM_TEXT.has(key)) return;
    const inMetadata = owner !== undefined && isScalar(owner.key) && owner.key.value === 'metadata';
    const lowerCaseOnly = LOWER_CASE_FIELDS.has(key) || (inMetadata && LOWER_CASE_METADATA.has(key));
    if (isScalar(entry.value) && lowerCaseOnly && isUpperCasePlaceholder(entry.value)) {
      const range = scalarRange(file.lines, entry.value);
      if (range) placeholders.push(range);
      what ||= `upper-case placeholders (${String(entry.value.value)})`;
    }
    // Keys are not values; a collection as a key is walked like a value.
    if (!isScalar(entry.key)) node(entry.key, entry);
    node(entry.value, entry);
  };
  // In the order yaml's `visit` goes (which decides `what`), but several times faster on large files.
  const node = (current: unknown, owner: Pair | undefined) => {
    if (isScalar(current)) value(current);
    else if (isCollection(current))
      for (const item of current.items) {
        if (isPair(item)) pair(item, owner);
        else node(item, undefined);
      }
  };
  for (const document of file.documents) node(document.contents, undefined);
  if (placeholders.length === 0) return undefined;
  placeholders.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return { range: placeholders[0], what, placeholders };
}

/**
 * True when the file's previous parse had no placeholder and the file differs from it only in one scalar
 * value that has none either: every other value, key and path is as it was, so the walk over every value
 * (most of this module's time per keystroke on a large manifest, issue 16) would find none again. Where
 * the edited value would count depends on its key: any value that could count sends the walk again.
 */
function stillNoPlaceholders(file: ParsedFile): boolean {
  const edit = scalarEdits.get(file);
  if (!edit?.noneBefore || !edit.scalar.range) return false;
  const source = file.text.slice(edit.scalar.range[0], edit.scalar.range[1]);
  return !new RegExp(ENVSUBST.source).test(source) && !isUpperCasePlaceholder(edit.scalar);
}

function isUpperCasePlaceholder(scalar: Scalar): boolean {
  return typeof scalar.value === 'string' && UPPER_CASE_PLACEHOLDER.test(scalar.value);
}

function scalarRange(lines: LineIndex, scalar: Scalar): Range | undefined {
  return scalar.range ? lines.range(scalar.range[0], scalar.range[1]) : undefined;
}

/** True when the two ranges share at least one character (or touch at an empty range's position). */
export function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
