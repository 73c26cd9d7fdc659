/**
 * GitHub's parseWorkflow and parseAction, fed the YAML document the engine has already parsed.
 *
 * Their own entry points take text and parse it again with `yaml` (the same library, the same YAML 1.2
 * defaults): on the 150-workflow benchmark corpus that second parse was a third of the CPU time
 * (issue 16). Both are three steps, a TemplateContext with the schema, a YamlObjectReader over a
 * document, and readTemplate; the reader's constructor is the only step that parses, so here it is
 * set up over our document instead. It walks the document's nodes and reads `srcToken` of string
 * scalars (their raw text, and the header of block scalars), which is why the engine parses workflow
 * files with `keepSourceTokens`.
 *
 * After the read only block scalars keep a small copy of their token: the raw text of a plain or quoted
 * scalar is the text under its range, given back before the next read (restoreFlowScalarTokens). So a
 * document updated in place after an edit (engine/yaml/reparse.ts, which removes the edited scalar's
 * token) can be read again without parsing the text anew (issue 16).
 */
import { isCollection, isNode, isPair, isScalar, Scalar, type Document, type LineCounter } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
import { documentEvents } from './document-events';
import {
  ACTION_ROOT,
  TemplateContext,
  TemplateValidationErrors,
  WORKFLOW_ROOT,
  YamlObjectReader,
  getActionSchema,
  getWorkflowSchema,
  parseAction,
  parseWorkflow,
  readTemplate,
  type NoOperationTraceWriter,
} from './workflow-parser.bundle';

export type ParseResult = ReturnType<typeof parseWorkflow>;

/** GitHub's parse of the file: from our document when there is exactly one and it parsed cleanly. */
export function parseGitHubFile(file: GitHubActionsFile, trace: NoOperationTraceWriter): ParseResult {
  const document = file.documents.length === 1 ? file.documents[0] : undefined;
  if (!document || document.errors.length > 0 || !hasSourceTokens(document)) {
    // Several documents (GitHub rejects them: its own parse says so), or a document without source tokens.
    const source = { name: file.path, content: file.text };
    return file.flavor === 'action' ? parseAction(source, trace) : parseWorkflow(source, trace);
  }
  const action = file.flavor === 'action';
  const context = new TemplateContext(
    new TemplateValidationErrors(),
    action ? getActionSchema() : getWorkflowSchema(),
    trace,
  );
  const fileId = context.getFileId(file.path);
  restoreFlowScalarTokens(document.contents, file.text);
  const reader = readerOver(document, file.lineCounter, fileId);
  const value = readTemplate(context, action ? ACTION_ROOT : WORKFLOW_ROOT, reader, fileId);
  slimSourceTokens(document);
  return { context, value };
}

/** Documents whose tokens slimSourceTokens has reduced: readable again once restoreFlowScalarTokens has run. */
const slimmed = new WeakSet<Document.Parsed>();

/** The token types of the CST for the scalar types of flow scalars (what a parse with source tokens sets). */
const FLOW_TOKEN_TYPES: Partial<Record<string, string>> = {
  [Scalar.PLAIN]: 'scalar',
  [Scalar.QUOTE_SINGLE]: 'single-quoted-scalar',
  [Scalar.QUOTE_DOUBLE]: 'double-quoted-scalar',
};

/**
 * Gives each flow scalar with a string value and no token the token a parse would have given it: its
 * `source` is the raw text under the scalar's range (the yaml library ends the range at the token's
 * source). Block scalars keep theirs (slimSourceTokens), and the reparse only updates plain scalars.
 */
function restoreFlowScalarTokens(node: unknown, text: string): void {
  if (isPair(node)) {
    restoreFlowScalarTokens(node.key, text);
    return restoreFlowScalarTokens(node.value, text);
  }
  if (isCollection(node)) {
    for (const item of node.items) restoreFlowScalarTokens(item, text);
    return;
  }
  if (!isScalar(node) || node.srcToken || typeof node.value !== 'string' || !node.range) return;
  const type = FLOW_TOKEN_TYPES[node.type ?? ''];
  if (type) (node as { srcToken?: unknown }).srcToken = { type, source: text.slice(node.range[0], node.range[1]) };
}

/**
 * Nothing else reads the source tokens, and they hold the whole concrete syntax tree of the file for as
 * long as the parsed file lives (the workspace keeps every file for cross-file rules): let them go, but
 * for what the reader takes from a block scalar's token, which the text under its range does not give
 * as directly.
 */
function slimSourceTokens(document: Document.Parsed): void {
  dropSourceTokens(document.contents);
  slimmed.add(document);
}

function dropSourceTokens(node: unknown): void {
  // A loop of our own: yaml's `visit` costs several times more per node (measured on the benchmark corpus).
  // Tokens are set to undefined, not deleted: a deleted property turns each node into a slow dictionary
  // object for every later read by every rule (about a quarter of a workflow's CPU per keystroke).
  if (isPair(node)) {
    (node as { srcToken?: unknown }).srcToken = undefined;
    dropSourceTokens(node.key);
    return dropSourceTokens(node.value);
  }
  if (!isNode(node)) return;
  const token = (node as { srcToken?: BlockScalarToken }).srcToken;
  if (isScalar(node) && token?.type === 'block-scalar') {
    const header = token.props.find((prop) => prop.type === 'block-scalar-header');
    node.srcToken = {
      type: 'block-scalar',
      source: token.source,
      props: header ? [{ type: header.type, source: header.source }] : [],
    } as never;
  } else (node as { srcToken?: unknown }).srcToken = undefined;
  if (isCollection(node)) for (const item of node.items) dropSourceTokens(item);
}

interface BlockScalarToken {
  type: string;
  source: string;
  props: Array<{ type: string; source?: string }>;
}

/** What YamlObjectReader's constructor leaves behind, minus the parse (its fields are private in the types). */
function readerOver(document: Document.Parsed, lineCounter: LineCounter, fileId: number): YamlObjectReader {
  const reader = Object.create(YamlObjectReader.prototype) as YamlObjectReader;
  const fields = reader as unknown as {
    lineCounter: LineCounter;
    errors: unknown[];
    doc: Document.Parsed;
    fileId: number;
    _generator: Iterator<unknown>;
    getNodes(node: unknown, aliases: Set<unknown>): Generator<unknown>;
  };
  fields.lineCounter = lineCounter;
  fields.errors = [];
  fields.doc = document;
  fields.fileId = fileId;
  fields._generator = documentEvents(document, lineCounter, fileId) ?? fields.getNodes(document, new Set());
  return reader;
}

/** True for a document parsed with source tokens, or one whose tokens slimSourceTokens has reduced. */
function hasSourceTokens(document: Document.Parsed): boolean {
  const contents = document.contents as { srcToken?: unknown } | null;
  return contents === null || contents.srcToken !== undefined || slimmed.has(document);
}
