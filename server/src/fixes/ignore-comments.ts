import type { Finding, ParsedFile } from '../engine/types';
import type { QuickFix } from './types';
import { lineEnding } from './yaml-edits';

/**
 * "Ignore <rule> on this line" and "... in this file", offered for every finding. The comment goes above
 * the statement that holds the finding (the start of a Dockerfile instruction, not a continuation line).
 */
export function ignoreFixes(finding: Finding, file: ParsedFile): QuickFix[] {
  if (finding.ruleId.startsWith('shipshape/')) return [];
  const line = statementStartLine(finding, file);
  const lineText = file.lines.lineText(line);
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  const eol = lineEnding(file.text);
  const atLineStart = { line, character: 0 };
  return [
    {
      title: `Ignore ${finding.ruleId} on this line`,
      edits: [
        {
          range: { start: atLineStart, end: atLineStart },
          newText: `${indent}# shipshape-ignore ${finding.ruleId}${eol}`,
        },
      ],
    },
    {
      title: `Ignore ${finding.ruleId} in this file`,
      edits: [fileLevelEdit(file, finding.ruleId, eol)],
    },
  ];
}

function statementStartLine(finding: Finding, file: ParsedFile): number {
  const line = finding.range.start.line;
  if (file.kind !== 'dockerfile') return line;
  const instruction = file.dockerfile.getInstructions().find((i) => {
    const range = i.getRange();
    return range.start.line <= line && line <= range.end.line;
  });
  return instruction ? instruction.getRange().start.line : line;
}

/**
 * File-level comments go at the top, but after Dockerfile parser directives (`# syntax=`, `# escape=`,
 * `# check=`), which only count on the first lines, and after a YAML `%YAML` directive.
 */
function fileLevelEdit(file: ParsedFile, ruleId: string, eol: string) {
  let line = 0;
  if (file.kind === 'dockerfile') {
    while (line < file.lines.lineCount && /^#\s*[a-zA-Z]+\s*=/.test(file.lines.lineText(line))) line++;
  } else {
    while (line < file.lines.lineCount && /^%/.test(file.lines.lineText(line))) line++;
  }
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `# shipshape-ignore-file ${ruleId}${eol}` };
}
