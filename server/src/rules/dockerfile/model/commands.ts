/** Questions rules ask about shell commands: which program, which subcommand, which options. */
import type { ShellCommand, ShellWord } from './shell-words';

/** Programs that run the rest of their arguments as a command (`sudo apt-get …`, `env X=1 pip …`). */
const WRAPPERS = new Set([
  'sudo',
  'env',
  'command',
  'exec',
  'nohup',
  'time',
  'nice',
  'doas',
  'su-exec',
  'gosu',
  'xargs',
]);
/** Wrapper options that take a value, so the value is not mistaken for the command. */
const WRAPPER_VALUE_OPTIONS = new Set(['-u', '-g', '-n', '-C', '-h', '-p', '-U', '-E', '-I', '-L', '-P', '-s', '-d']);

/** The words of the command proper, after wrappers like `sudo` and `env VAR=value`. */
export function effectiveWords(command: ShellCommand): ShellWord[] {
  let words = effectiveWordsCache.get(command);
  if (!words) {
    words = unwrap(command.words);
    effectiveWordsCache.set(command, words);
  }
  return words;
}

/** Every rule asks about the same commands on every keystroke: unwrap each once (commands are cached per parse). */
const effectiveWordsCache = new WeakMap<ShellCommand, ShellWord[]>();

/**
 * `moved` is `command` with the same words at other offsets (a RUN kept from the file's previous check,
 * see run-script-reuse.ts): which of its words are the command proper depends only on their values.
 */
export function keepEffectiveWords(command: ShellCommand, moved: ShellCommand): void {
  const words = effectiveWordsCache.get(command);
  if (words) effectiveWordsCache.set(moved, moved.words.slice(moved.words.length - words.length));
}

function unwrap(words: readonly ShellWord[]): ShellWord[] {
  let i = 0;
  while (i < words.length && WRAPPERS.has(programOf(words[i]))) {
    const wrapper = programOf(words[i]);
    i++;
    // `gosu user cmd` and `su-exec user cmd` name the user before the command.
    let userPending = wrapper === 'gosu' || wrapper === 'su-exec';
    while (i < words.length) {
      const value = words[i].value ?? '';
      if (value.startsWith('-')) i += WRAPPER_VALUE_OPTIONS.has(value) && wrapper !== 'env' ? 2 : 1;
      else if (wrapper === 'env' && /^\w+=/.test(value)) i++;
      else if (userPending) {
        userPending = false;
        i++;
      } else break;
    }
  }
  return words.slice(i);
}

/** `apt-get` for `/usr/bin/apt-get`; `pip` for `pip3` and `pip3.12`; empty for dynamic words. */
export function programOf(word: ShellWord | undefined): string {
  const value = word?.value;
  if (!value) return '';
  let program = programs.get(value);
  if (program === undefined) {
    const base = value.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
    program = /^pip[\d.]*$/.test(base) ? 'pip' : base;
    // Asked for every word of every command by a dozen rules on each keystroke; the words repeat.
    if (programs.size >= 10_000) programs.clear();
    programs.set(value, program);
  }
  return program;
}

const programs = new Map<string, string>();

export function programName(command: ShellCommand): string {
  return programOf(effectiveWords(command)[0]);
}

/**
 * The program and its arguments, where `python -m pip …` counts as `pip …` and `apt` as `apt-get`
 * for the subcommands they share.
 */
export function invocation(command: ShellCommand): { program: string; args: ShellWord[]; words: ShellWord[] } {
  const words = effectiveWords(command);
  const program = programOf(words[0]);
  if (/^python[\d.]*$/.test(program)) {
    const m = words.findIndex((w) => w.value === '-m');
    if (m > 0 && programOf(words[m + 1]) === 'pip') return { program: 'pip', args: words.slice(m + 2), words };
  }
  return { program, args: words.slice(1), words };
}

/** The first argument that is not an option (skipping the values of options that take one). */
export function subcommand(
  args: readonly ShellWord[],
  valueOptions: ReadonlySet<string> = new Set(),
): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value ?? '';
    if (value === '--') return args[i + 1];
    if (value.startsWith('-')) {
      if (valueOptions.has(value)) i++;
      continue;
    }
    return args[i];
  }
  return undefined;
}

/**
 * Whether arguments turn pipefail on: `-o pipefail`, also with the `o` inside a bundle (`-euo pipefail`,
 * `-Eeuo pipefail`). Shared by `set` in a RUN script and the argv of a `SHELL` instruction.
 */
export function turnsOnPipefail(values: readonly (string | undefined)[]): boolean {
  return values.some((value, i) => value === 'pipefail' && i > 0 && /^-[a-zA-Z]*o[a-zA-Z]*$/.test(values[i - 1] ?? ''));
}

/** Whether an option is present, as `--name`, `--name=value`, or a short flag inside a bundle (`-yq`). */
export function hasOption(args: readonly ShellWord[], ...names: string[]): boolean {
  return args.some((word) => {
    const value = word.value ?? '';
    return names.some((name) => {
      if (name.startsWith('--')) return value === name || value.startsWith(`${name}=`);
      if (value === name) return true;
      return name.length === 2 && /^-[a-zA-Z]+$/.test(value) && value.includes(name[1]);
    });
  });
}

/** The value of `--name value`, `--name=value` or `-x value`. */
export function optionValue(args: readonly ShellWord[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value ?? '';
    for (const name of names) {
      if (value === name) return args[i + 1]?.value;
      if (value.startsWith(`${name}=`)) return value.slice(name.length + 1);
    }
  }
  return undefined;
}

export const APT_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-o',
  '-c',
  '-t',
  '--option',
  '--config-file',
  '--target-release',
  '--default-release',
]);
export const APK_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-X',
  '--repository',
  '-p',
  '--root',
  '--arch',
  '--cache-dir',
  '-t',
  '--virtual',
  '--keys-dir',
  '--repositories-file',
]);
export const PIP_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-i',
  '--index-url',
  '--extra-index-url',
  '--trusted-host',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '-f',
  '--find-links',
  '--cache-dir',
]);
export const NPM_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--prefix',
  '-C',
  '--workspace',
  '-w',
  '--registry',
  '--cache',
  '--omit',
  '--include',
]);
