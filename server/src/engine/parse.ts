import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Classification } from './classify';
import { parseDockerfile } from './dockerfile-arguments';
import { kubernetesObjects } from './kubernetes/objects';
import { reparseScalarEdit } from './yaml/reparse';
import { LineIndex } from './line-index';
import { noteScalarEdit } from './templates';
import type { ParsedFile, ParseProblem } from './types';

type YamlKind = Exclude<NonNullable<Classification>['kind'], 'dockerfile'>;

/** Parse a classified file. Never throws: problems in the text become `parseProblems`. */
export function parseFile(path: string, text: string, classification: NonNullable<Classification>): ParsedFile {
  const lines = new LineIndex(text);
  if (classification.kind === 'dockerfile') {
    return { kind: 'dockerfile', path, text, lines, parseProblems: [], dockerfile: parseDockerfile(text) };
  }
  const { documents, lineCounter, problems } = parseYaml(text, lines, {
    uniqueKeys: uniqueKeysOf(classification.kind),
    // GitHub's workflow parser reads our document and needs the raw text of block scalars (read-parsed.ts).
    keepSourceTokens: classification.kind === 'github-actions',
  });
  return yamlFile(
    path,
    text,
    lines,
    classification.kind as YamlKind,
    classification.flavor,
    documents,
    lineCounter,
    problems,
  );
}

/**
 * The parse of `text`, made from `previous` (the parse of the file's previous text, which it may change)
 * when the edit between them allows (see reparseScalarEdit; a Dockerfile is parsed again, with what the edit left
 * as it was taken from `previous`: see parseDockerfile); undefined when the text must be parsed anew.
 */
export function reparseFile(
  previous: ParsedFile,
  text: string,
  classification: NonNullable<Classification>,
): ParsedFile | undefined {
  if (previous.kind !== classification.kind) return undefined;
  if (previous.kind === 'dockerfile') {
    const dockerfile = parseDockerfile(text, previous.dockerfile);
    return { kind: 'dockerfile', path: previous.path, text, lines: new LineIndex(text), parseProblems: [], dockerfile };
  }
  const reparsed = reparseScalarEdit(previous.text, text, previous.documents, previous.lineCounter);
  if (!reparsed) return undefined;
  const { documents, lineCounter, edit, scalar } = reparsed;
  const lines = previous.lines.edited(text, edit.start, edit.oldEnd, edit.newEnd);
  const file = yamlFile(previous.path, text, lines, previous.kind, classification.flavor, documents, lineCounter, []);
  noteScalarEdit(file, previous, scalar);
  return file;
}

function yamlFile(
  path: string,
  text: string,
  lines: LineIndex,
  kind: YamlKind,
  flavor: NonNullable<Classification>['flavor'],
  documents: Document.Parsed[],
  lineCounter: LineCounter,
  problems: ParseProblem[],
): ParsedFile {
  const base = { path, text, lines, documents, lineCounter, parseProblems: problems };
  switch (kind) {
    case 'kubernetes':
      return { ...base, kind: 'kubernetes', objects: kubernetesObjects(documents) };
    case 'github-actions':
      return { ...base, kind: 'github-actions', flavor: flavor ?? 'workflow' };
    case 'gitlab-ci':
    case 'compose':
    case 'shipshape':
      return { ...base, kind };
  }
}

/**
 * GitLab reads YAML with Ruby's Psych, which accepts several `<<:` merge keys in one mapping (a common
 * way to combine anchors); every other key must still be unique.
 */
function sameKeyExceptMerges(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return isScalar(a) && isScalar(b) && a.value === b.value && a.value !== '<<';
}

/**
 * GitHub's workflow parser reports a repeated key itself ("'FOO' is already defined", case-insensitively, as
 * GitHub reads keys), and a YAML error here would stop every other check of the file: let the YAML through.
 */
function uniqueKeysOf(kind: NonNullable<Classification>['kind']) {
  if (kind === 'gitlab-ci') return sameKeyExceptMerges;
  return kind !== 'github-actions';
}

function parseYaml(
  text: string,
  lines: LineIndex,
  { uniqueKeys, keepSourceTokens }: { uniqueKeys: boolean | typeof sameKeyExceptMerges; keepSourceTokens: boolean },
) {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys, keepSourceTokens });
  // An empty stream is not an array; it has nothing to check.
  const documents: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const problems: ParseProblem[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      const [start, end] = error.pos;
      problems.push({ range: lines.range(start, Math.max(end, start + 1)), message: firstLine(error.message) });
    }
  }
  return { documents, lineCounter, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
