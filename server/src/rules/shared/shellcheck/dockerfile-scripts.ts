/**
 * The shell scripts of a Dockerfile's `RUN` instructions, as ShellCheck is to read them: in the dialect of
 * the `SHELL` in force, line continuations joined (with the file's `# escape=`), and a `RUN <<EOF` heredoc
 * (or one fed to a shell, `RUN bash <<EOF`) read as a script of its own.
 */
import type { Arg, Env, Run } from 'dockerfile-ast';
import type { DockerfileFile } from '../../../engine/types';
import { scriptSource } from '../../dockerfile/model/run-script';
import { dockerfileModel, jsonArray } from '../../dockerfile/model/stages';
import { verbatim } from '../scripts/mapped-script';
import { dialectOf, makeScript, type ShellDialect, type ShellScript } from './script';

/** Docker passes these to every RUN without an ARG (BuildKit's predefined proxy arguments). */
const PREDEFINED = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
];
/** Sourced files are not on this machine, and nothing in a Dockerfile can say where they are. */
const EXCLUDE = ['SC1090', 'SC1091'];
const SHELL_FED_HEREDOC = /^(?:\S*\/)?((?:ba|da|a|k)?sh)(?:\s+-[a-zA-Z]+)*$/;

export function dockerfileScripts(file: DockerfileFile): ShellScript[] {
  const model = dockerfileModel(file);
  const scripts: ShellScript[] = [];
  const defined = new Set<string>(PREDEFINED);
  for (const instruction of file.dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const property of (instruction as Arg | Env).getProperties()) defined.add(property.getName());
      continue;
    }
    if (keyword !== 'RUN' || jsonArray(instruction) || instruction.getArguments().length === 0) continue;
    const shell = model.shellAt(instruction);
    const dialect = shell.posix ? dialectOf(shell.argv[0] ?? '') : undefined;
    if (!dialect) continue;
    const script = runScript(file, instruction as Run, dialect, [...defined]);
    if (script) scripts.push(script);
  }
  return scripts;
}

function runScript(file: DockerfileFile, run: Run, dialect: ShellDialect, defined: string[]): ShellScript | undefined {
  // The build's ARG and ENV values are in the environment: exported, ShellCheck knows they are set.
  const prelude = defined.filter((name) => /^[A-Za-z_]\w*$/.test(name)).map((name) => `export ${name}=1`);
  const fed = shellFedHeredoc(file, run);
  if (fed) return makeScript(dialectOf(fed.shell) ?? dialect, prelude, fed.body, EXCLUDE);
  const start = file.lines.offsetAt(run.getArguments()[0].getRange().start);
  const source = scriptSource(file, run, start, file.lines.offsetAt(run.getRange().end));
  if (!source || source.text.trim() === '') return undefined;
  return makeScript(dialect, prelude, { text: source.text, offsets: source.offsets }, EXCLUDE);
}

/** `RUN bash <<EOF` (or `sh -e <<EOF`): the shell reads the heredoc as its script. */
function shellFedHeredoc(
  file: DockerfileFile,
  run: Run,
): { shell: string; body: ReturnType<typeof verbatim> } | undefined {
  const heredoc = run.getHeredocs()[0];
  const content = heredoc?.getContentRange();
  if (!heredoc || !content) return undefined;
  const firstLine = file.lines.lineText(heredoc.getStartRange().start.line);
  const argsStart = run.getArguments()[0].getRange().start;
  if (argsStart.line !== heredoc.getStartRange().start.line) return undefined;
  const command = firstLine
    .slice(argsStart.character)
    .replace(/<<-?\s*(["']?)[\w.-]+\1/g, '')
    .trim();
  const shell = SHELL_FED_HEREDOC.exec(command)?.[1];
  if (!shell) return undefined;
  return { shell, body: verbatim(file.text, file.lines.offsetAt(content.start), file.lines.offsetAt(content.end)) };
}
