import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { docsUrl } from '../engine/docs-url';
import type { Finding, Severity } from '../engine/types';
import { stripSnippet } from '../fixes/snippet-text';
import type { QuickFix } from '../fixes/types';
import { pathToUri } from './paths';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to us in code-action requests: enough to rebuild the finding. */
export interface DiagnosticData {
  ruleId: string;
  fix?: Record<string, unknown>;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, fix: finding.data };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'shipshape',
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
}

export function fromDiagnostic(diagnostic: Diagnostic, file: string): Finding | undefined {
  if (diagnostic.source !== 'shipshape') return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const ruleId = data?.ruleId ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
  if (!ruleId) return undefined;
  const severity: Severity =
    diagnostic.severity === DiagnosticSeverity.Error
      ? 'error'
      : diagnostic.severity === DiagnosticSeverity.Warning
        ? 'warning'
        : 'info';
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { file, ruleId, severity, range: diagnostic.range, message, data: data?.fix };
}

export interface EditCapabilities {
  snippets: boolean;
  documentChanges: boolean;
  createFiles: boolean;
}

export function toCodeAction(
  fix: QuickFix,
  uri: string,
  version: number,
  diagnostic: Diagnostic,
  capabilities: EditCapabilities,
): CodeAction | undefined {
  const useSnippets = fix.snippet === true && capabilities.snippets && capabilities.documentChanges;
  const plainEdits = fix.edits.map((edit) => ({
    range: edit.range,
    newText: fix.snippet ? stripSnippet(edit.newText) : edit.newText,
  }));
  const edits = useSnippets
    ? fix.edits.map((edit) => ({ range: edit.range, snippet: { kind: 'snippet' as const, value: edit.newText } }))
    : plainEdits;
  let edit: WorkspaceEdit;
  if (capabilities.documentChanges) {
    const changes: WorkspaceEdit['documentChanges'] = [];
    for (const created of fix.createFiles ?? []) {
      if (!capabilities.createFiles) return undefined;
      const createdUri = pathToUri(created.path);
      changes.push({ kind: 'create', uri: createdUri, options: { ignoreIfExists: true } });
      changes.push({
        textDocument: { uri: createdUri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text }],
      });
    }
    changes.push({ textDocument: { uri, version }, edits } as TextDocumentEdit);
    edit = { documentChanges: changes };
  } else {
    // Old clients: plain text edits only; a fix that must create a file cannot be offered.
    if (fix.createFiles?.length) return undefined;
    edit = { changes: { [uri]: plainEdits } };
  }
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit,
  };
}
