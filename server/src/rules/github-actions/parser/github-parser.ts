/**
 * GitHub's own workflow and action parser (@actions/workflow-parser), run once per parsed file.
 * It validates against GitHub's schema: keys, types, events, `runs-on`, `needs`, expression syntax, cron.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { GitHubActionsFile, Range } from '../../../engine/types';
import gaps from './parser-gaps.json';
import { parseGitHubFile, type ParseResult } from './read-parsed';
import { ErrorPolicy, NoOperationTraceWriter, convertWorkflowTemplate } from './workflow-parser.bundle';

export interface GitHubParseError {
  message: string;
  range: Range;
}

const IGNORED = gaps.ignore.map((gap) => ({
  pattern: new RegExp(gap.pattern),
  flavor: (gap as { flavor?: string }).flavor,
}));

const cache = new WeakMap<GitHubActionsFile, GitHubParseError[]>();

/**
 * The parser's errors for this file, with ranges in our 0-based convention. A parser crash is thrown
 * on, so that the engine reports it as `shipshape/internal-error` instead of a silent "no problems".
 */
export function githubParseErrors(file: GitHubActionsFile): GitHubParseError[] {
  let errors = cache.get(file);
  if (!errors) {
    errors = runParser(file, BUNDLED_PARSER);
    cache.set(file, errors);
  }
  return errors;
}

/** GitHub's parser (parseWorkflow or parseAction, by the file's flavor), a parameter so that tests can make it crash. */
export interface WorkflowParser {
  parse(file: GitHubActionsFile, trace: NoOperationTraceWriter): ParseResult;
}
const BUNDLED_PARSER: WorkflowParser = { parse: parseGitHubFile };

export function runParser(file: GitHubActionsFile, parser: WorkflowParser): GitHubParseError[] {
  // The YAML errors are already reported from our own parse; the GitHub parser would repeat them less precisely.
  if (file.parseProblems.length > 0 || file.text.trim() === '') return [];
  const result = parser.parse(file, new NoOperationTraceWriter());
  if (file.flavor === 'workflow' && result.value) {
    // convertWorkflowTemplate is async only to fetch reusable workflows, which depth 0 never does:
    // every check (needs, cycles, step ids, events, cron) runs before its first await, so the
    // errors are in the context when the call returns. A crash inside it becomes a rejection that
    // cannot be seen synchronously; the errors it recorded before crashing are still read below.
    convertWorkflowTemplate(result.context, result.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion,
      fetchReusableWorkflowDepth: 0,
    }).catch(() => undefined);
  }
  return result.context.errors
    .getErrors()
    .filter(
      (error) =>
        !IGNORED.some(
          (gap) => (gap.flavor === undefined || gap.flavor === file.flavor) && gap.pattern.test(error.rawMessage),
        ),
    )
    .map((error) => ({
      message: error.rawMessage,
      range: atOwningKey(file, error.rawMessage, toRange(file, error.range)),
    }))
    .filter((error, _index, all) => !restatedByTypeError(error, all));
}

/**
 * A whole-value expression where the schema takes none (`outputs: ${{ fromJSON(...) }}`) gets three
 * errors on the same token: the context it may not name, the value, and the type. The type error
 * says what is wrong; the other two only repeat it.
 */
function restatedByTypeError(error: GitHubParseError, all: readonly GitHubParseError[]): boolean {
  if (/^Unexpected type '/.test(error.message)) return false;
  return all.some(
    (other) =>
      other !== error &&
      /^Unexpected type '/.test(other.message) &&
      JSON.stringify(other.range) === JSON.stringify(error.range) &&
      /^(Unrecognized named-value: |Unexpected value ')/.test(error.message),
  );
}

/**
 * What a mapping lacks (`Required property is missing: runs-on`, an image-less container, a choice input
 * without options) the parser
 * reports on the mapping's first key, a line below the key that names it (`concurrency:`, the job id):
 * point at that key instead, where the missing property belongs.
 */
const ABOUT_WHOLE_MAPPING =
  /^(Required property is missing: |Container image cannot be empty|Missing 'options' for choice input|Input type is not 'choice', but 'options' is defined)/;

function atOwningKey(file: GitHubActionsFile, message: string, range: Range): Range {
  if (!ABOUT_WHOLE_MAPPING.test(message)) return range;
  const offset = file.lines.offsetAt(range.start);
  let owner: Range | undefined;
  const visit = (node: unknown) => {
    if (isSeq(node)) for (const item of node.items) visit(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMap(pair.value) && pair.value.range?.[0] === offset && isScalar(pair.key) && pair.key.range)
        owner = file.lines.range(pair.key.range[0], pair.key.range[1]);
      visit(pair.value);
    }
  };
  visit(file.documents[0]?.contents);
  return owner ?? range;
}

function toRange(
  file: GitHubActionsFile,
  range: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined,
): Range {
  if (!range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const clampLine = (line: number) => Math.min(Math.max(line - 1, 0), Math.max(file.lines.lineCount - 1, 0));
  const start = { line: clampLine(range.start.line), character: Math.max(range.start.column - 1, 0) };
  let end = { line: clampLine(range.end.line), character: Math.max(range.end.column - 1, 0) };
  // Mapping errors span to the start of the next key; trim them to the end of the last line with content.
  if (end.line > start.line && end.character === 0) {
    let line = end.line - 1;
    while (line > start.line && file.lines.lineText(line).trim() === '') line--;
    end = { line, character: file.lines.lineText(line).trimEnd().length };
  }
  return { start, end };
}
