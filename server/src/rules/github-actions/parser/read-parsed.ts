/**
 * GitHub's parseWorkflow and parseAction, fed the YAML document the engine has already parsed.
 *
 * Their own entry points take text and parse it again with `yaml` (the same library, the same YAML 1.2
 * defaults): on the 150-workflow benchmark corpus that second parse was a third of the CPU time
 * (issue 16). Both are three steps, a TemplateContext with the schema, a YamlObjectReader over a
 * document, and readTemplate; the reader's constructor is the only step that parses, so here it is
 * set up over our document instead. It walks the document's nodes and reads `srcToken` (the raw text
 * of block scalars), which is why the engine parses workflow files with `keepSourceTokens`.
 */
import { isCollection, isDocument, isNode, isPair, type Document, type LineCounter } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
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
  const reader = readerOver(document, file.lineCounter, fileId);
  const value = readTemplate(context, action ? ACTION_ROOT : WORKFLOW_ROOT, reader, fileId);
  dropSourceTokens(document);
  return { context, value };
}

/**
 * Nothing else reads the source tokens, and they hold the whole concrete syntax tree of the file for as
 * long as the parsed file lives (the workspace keeps every file for cross-file rules): let them go.
 */
function dropSourceTokens(node: unknown): void {
  // A loop of our own: yaml's `visit` costs several times more per node (measured on the benchmark corpus).
  if (isDocument(node)) return dropSourceTokens(node.contents);
  if (isPair(node)) {
    delete (node as { srcToken?: unknown }).srcToken;
    dropSourceTokens(node.key);
    return dropSourceTokens(node.value);
  }
  if (!isNode(node)) return;
  delete (node as { srcToken?: unknown }).srcToken;
  if (isCollection(node)) for (const item of node.items) dropSourceTokens(item);
}

/** What YamlObjectReader's constructor leaves behind, minus the parse (its fields are private in the types). */
function readerOver(document: Document.Parsed, lineCounter: LineCounter, fileId: number): YamlObjectReader {
  const reader = Object.create(YamlObjectReader.prototype) as YamlObjectReader;
  const fields = reader as unknown as {
    lineCounter: LineCounter;
    errors: unknown[];
    doc: Document.Parsed;
    fileId: number;
    _generator: Generator<unknown>;
    getNodes(node: unknown, aliases: Set<unknown>): Generator<unknown>;
  };
  fields.lineCounter = lineCounter;
  fields.errors = [];
  fields.doc = document;
  fields.fileId = fileId;
  fields._generator = fields.getNodes(document, new Set());
  return reader;
}

/** False once dropSourceTokens has run, or for a document parsed without them. */
function hasSourceTokens(document: Document.Parsed): boolean {
  const contents = document.contents as { srcToken?: unknown } | null;
  return contents === null || contents.srcToken !== undefined;
}
