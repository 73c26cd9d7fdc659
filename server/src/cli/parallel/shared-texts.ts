/**
 * The workspace's texts for the `--jobs` workers, as UTF-8 in one SharedArrayBuffer: written once however
 * many workers there are (copying the strings to each worker serialised the whole workspace once per
 * worker on the main thread, and held each copy while it was in flight), and read by each worker as it
 * fills its own workspace. UTF-8 gives back exactly the text that went in for any well-formed string (a
 * file read as UTF-8 always is); a text that is not (a lone surrogate) travels as a string of its own.
 */
import { Buffer } from 'node:buffer';

export interface SharedTexts {
  /** In the main thread's workspace order: cross-file rules must meet the files in the same order. */
  paths: string[];
  bytes: SharedArrayBuffer;
  /** Where each text's bytes end; each starts where the one before it ends. */
  ends: number[];
  /** The texts that are not well-formed UTF-16, by their index in `paths`. */
  strings: Record<number, string>;
}

export function shareTexts(files: ReadonlyArray<{ path: string; text: string }>): SharedTexts {
  const strings: Record<number, string> = {};
  const sizes = files.map((file, index) => {
    if (isWellFormed(file.text)) return Buffer.byteLength(file.text, 'utf8');
    strings[index] = file.text;
    return 0;
  });
  const bytes = new SharedArrayBuffer(sizes.reduce((sum, size) => sum + size, 0));
  const view = Buffer.from(bytes);
  const ends: number[] = [];
  let offset = 0;
  files.forEach((file, index) => {
    if (!(index in strings)) offset += view.write(file.text, offset, 'utf8');
    ends.push(offset);
  });
  return { paths: files.map((file) => file.path), bytes, ends, strings };
}

/** Each file with its text, in order. */
export function* sharedFiles(shared: SharedTexts): Iterable<{ path: string; text: string }> {
  const view = Buffer.from(shared.bytes);
  let start = 0;
  for (const [index, path] of shared.paths.entries()) {
    const end = shared.ends[index];
    yield { path, text: shared.strings[index] ?? view.toString('utf8', start, end) };
    start = end;
  }
}

/** `String.prototype.isWellFormed` (Node 20; not in the ES2022 library this project compiles against). */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
