import { URI } from 'vscode-uri';

/**
 * The engine works on `/`-separated paths. Files on disk map to their real path; other schemes
 * (untitled editors, virtual workspaces) to a path under `/<scheme>/` so they still classify by name.
 */
export function uriToPath(uri: string): string {
  const parsed = URI.parse(uri);
  if (parsed.scheme === 'file') return parsed.fsPath.replace(/\\/g, '/');
  return `/${parsed.scheme}${parsed.path.startsWith('/') ? '' : '/'}${parsed.path}`;
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}
