/** The engine works on `/`-separated paths whatever the platform: Windows paths are turned once, here. */
export function toSlash(path: string): string {
  return path.replace(/\\/g, '/');
}

/** The folder of a `/`-separated path: `/` for a file at the root (or a bare name). */
export function directoryOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}
