/**
 * CI results at the line that failed: annotations as GitHub and GitLab report them, mapped onto
 * files of the workspace. Plain data; the VS Code part turns FileDiagnostics into diagnostics.
 */

export type AnnotationSource = 'GitHub Actions' | 'GitLab CI';
export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CiAnnotation {
  source: AnnotationSource;
  /** The path as the CI reported it: usually relative to the repository root, sometimes the runner's absolute path. */
  path: string;
  /** 1-based, as both CIs count; missing means the whole file's first line. */
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  level: AnnotationLevel;
  message: string;
  title?: string;
  /** The check run, job or pipeline page the annotation comes from. */
  url: string;
  /** GitLab job failure: the job's key in `.gitlab-ci.yml` is where it shows. */
  jobKey?: string;
}

export interface FileDiagnostic {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  /** 0-based; end column exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information';
  message: string;
  source: AnnotationSource;
  url: string;
}

/** The workspace copy of a file, by path relative to the repository root; undefined when it is not there. */
export type FileLines = (path: string) => string[] | undefined;

const SEVERITY: Record<AnnotationLevel, FileDiagnostic['severity']> = {
  failure: 'error',
  warning: 'warning',
  notice: 'information',
};

/**
 * Runners check the repository out at `/home/runner/work/<repo>/<repo>/` (GitHub, Linux), `D:\a\<repo>\<repo>\`
 * (GitHub, Windows), `/github/workspace/` (container actions) or `/builds/<namespace>/<project>/` (GitLab);
 * reporters often print those absolute paths.
 */
function runnerRoots(repositoryName: string | undefined): RegExp[] {
  const project = repositoryName ? repositoryName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[^/]+';
  return [
    /^\/home\/runner\/work\/([^/]+)\/\1\//,
    /^[a-z]:\/a\/([^/]+)\/\1\//i,
    /^\/github\/workspace\//,
    new RegExp(`^/builds/(?:[^/]+/)+?${project}/`),
  ];
}

/** The repository-relative path of a reported one, or undefined when it points outside the repository. */
export function repositoryPath(reported: string, repositoryName?: string): string | undefined {
  let path = reported.trim().replace(/\\/g, '/');
  for (const root of runnerRoots(repositoryName)) {
    const match = root.exec(path);
    if (match) {
      path = path.slice(match[0].length);
      break;
    }
  }
  path = path.replace(/^(\.\/)+/, '');
  if (!path || path.startsWith('/') || /^[a-z]:\//i.test(path)) return undefined;
  const parts = path.split('/').filter((part) => part !== '.');
  if (parts.includes('..') || parts.includes('')) return undefined;
  return parts.join('/');
}

const GITLAB_CI_FILE = '.gitlab-ci.yml';

/** Diagnostics for the annotations whose file is in the workspace; others are left out (there is nowhere to show them). */
export function toDiagnostics(
  annotations: CiAnnotation[],
  files: FileLines,
  repositoryName?: string,
): FileDiagnostic[] {
  const diagnostics: FileDiagnostic[] = [];
  for (const annotation of annotations) {
    const path = annotation.jobKey ? GITLAB_CI_FILE : repositoryPath(annotation.path, repositoryName);
    const lines = path ? files(path) : undefined;
    if (!path || !lines) continue;
    const range = annotation.jobKey ? jobKeyRange(lines, annotation.jobKey) : lineRange(lines, annotation);
    diagnostics.push({
      path,
      ...range,
      severity: SEVERITY[annotation.level],
      message:
        annotation.title && !annotation.message.startsWith(annotation.title)
          ? `${annotation.title}: ${annotation.message}`
          : annotation.message,
      source: annotation.source,
      url: annotation.url,
    });
  }
  return diagnostics;
}

type Range = Pick<FileDiagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** 1-based lines and columns, clamped into the file; columns only on a one-line annotation (GitHub's rule). */
export function lineRange(
  lines: string[],
  at: Pick<CiAnnotation, 'startLine' | 'endLine' | 'startColumn' | 'endColumn'>,
): Range {
  const last = Math.max(0, lines.length - 1);
  const clampLine = (value: number | undefined) => Math.min(last, Math.max(0, Math.floor((value ?? 1) - 1)));
  const line = clampLine(at.startLine);
  const endLine = Math.max(line, clampLine(at.endLine ?? at.startLine));
  const lineLength = (index: number) => (lines[index] ?? '').length;
  if (endLine === line && at.startColumn !== undefined && at.startColumn >= 1) {
    const column = Math.min(lineLength(line), at.startColumn - 1);
    // GitHub's end column is inclusive; a missing one marks to the end of the line.
    const endColumn = Math.min(lineLength(line), Math.max(column + 1, at.endColumn ?? lineLength(line)));
    return { line, column, endLine, endColumn };
  }
  // The whole line(s), from the first non-blank character.
  return { line, column: (lines[line] ?? '').search(/\S|$/), endLine, endColumn: lineLength(endLine) };
}

/** The key of a top-level job in `.gitlab-ci.yml` (plain or quoted); line 1 when not found. */
export function jobKeyRange(lines: string[], jobKey: string): Range {
  for (let line = 0; line < lines.length; line++) {
    const match = /^(["']?)(.+?)\1\s*:(\s|$)/.exec(lines[line]!);
    if (match && match[2] === jobKey) {
      const column = match[1] ? 1 : 0;
      return { line, column, endLine: line, endColumn: column + jobKey.length };
    }
  }
  return { line: 0, column: 0, endLine: 0, endColumn: (lines[0] ?? '').length };
}
