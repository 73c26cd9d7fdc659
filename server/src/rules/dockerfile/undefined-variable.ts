import type { Arg, Instruction } from 'dockerfile-ast';
import { closest } from '../../engine/text';
import type { DockerfileFile, Rule } from '../../engine/types';
import { dockerfileModel, lineage, type Stage } from './model/stages';
import { variableUses, type VariableUse } from './model/variables';
import baseImageEnv from './data/base-image-env.json';

/** Set by the base image or the runtime: never undeclared, never a typo of a declared name. */
const BASE_IMAGE_ENV: ReadonlySet<string> = new Set(baseImageEnv.names);

/** Set by BuildKit for every FROM (and for stages that declare them with a bare ARG). */
const PLATFORM_ARGS = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
  'BUILDKIT_SYNTAX',
]);
/** Instructions whose arguments the Dockerfile frontend expands itself (RUN and CMD leave `$X` to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);

export const undefinedVariable: Rule<'dockerfile'> = {
  id: 'dockerfile/undefined-variable',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Variables used in Dockerfile instructions must be declared with ARG or ENV in scope: an undefined one expands to nothing.',
  },
  aliases: ['buildkit:UndefinedVar', 'buildkit:UndefinedArgInFrom'],
  check({ file, report }) {
    const model = dockerfileModel(file);
    const globals = new Set(model.globalArgDefaults.keys());
    const escape = file.dockerfile.getEscapeCharacter();
    for (const stage of model.stages) {
      for (const use of usesIn(file, stage.from, escape)) {
        if (use.hasFallback || globals.has(use.name) || PLATFORM_ARGS.has(use.name)) continue;
        const suggestion = closest(use.name, globals);
        report({
          range: nameRange(file, use),
          message: `${use.name} is not declared by an ARG before the first FROM, so it expands to an empty string here.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        });
      }
      checkStage(file, stage, globals, escape, report);
    }
  },
};

function checkStage(
  file: DockerfileFile,
  stage: Stage,
  globals: Set<string>,
  escape: string,
  report: (r: { range: ReturnType<typeof nameRange>; message: string }) => void,
) {
  const declared = inheritedEnv(stage);
  const laterDeclared = new Map<string, number>();
  for (const instruction of stage.instructions) {
    for (const name of declaredBy(instruction))
      if (!laterDeclared.has(name)) laterDeclared.set(name, instruction.getRange().start.line);
  }
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (EXPANDED.has(keyword)) {
      for (const use of usesIn(file, instruction, escape)) {
        if (use.hasFallback || declared.has(use.name) || PLATFORM_ARGS.has(use.name)) continue;
        if (BASE_IMAGE_ENV.has(use.name)) continue;
        const range = nameRange(file, use);
        if (globals.has(use.name)) {
          report({
            range,
            message: `${use.name} is a global ARG, which is only visible in FROM lines: add \`ARG ${use.name}\` inside this stage to use it here.`,
          });
        } else if (laterDeclared.has(use.name) && laterDeclared.get(use.name)! > instruction.getRange().start.line) {
          report({
            range,
            message: `${use.name} is used before it is declared (line ${laterDeclared.get(use.name)! + 1}), so it is empty here: move the ARG/ENV up.`,
          });
        } else {
          // Anything else may come from the base image's environment (PATH, JAVA_HOME…), which we cannot see;
          // a near-miss of a declared name is almost certainly a typo.
          const suggestion = use.name.length >= 4 ? closest(use.name, declared) : undefined;
          if (suggestion && suggestion !== use.name)
            report({ range, message: `${use.name} is not declared in this stage: did you mean ${suggestion}?` });
        }
      }
    }
    for (const name of declaredBy(instruction)) declared.add(name);
  }
}

/**
 * ENV and ARG names of the stages this one builds on (`FROM build AS test`): BuildKit hands both to a
 * child stage ("arguments and variables are inherited from parent stages", Dockerfile reference).
 */
function inheritedEnv(stage: Stage): Set<string> {
  const names = new Set<string>();
  for (const s of lineage(stage).slice(1)) {
    for (const instruction of s.instructions) declaredBy(instruction).forEach((n) => names.add(n));
  }
  return names;
}

function declaredBy(instruction: Instruction): string[] {
  const keyword = instruction.getKeyword();
  if (keyword !== 'ARG' && keyword !== 'ENV') return [];
  return (instruction as Arg).getProperties().map((p) => p.getName());
}

function usesIn(file: DockerfileFile, instruction: Instruction, escape: string): VariableUse[] {
  const range = instruction.getArgumentsRange();
  if (!range) return [];
  const start = file.lines.offsetAt(range.start);
  const text = file.text.slice(start, file.lines.offsetAt(instruction.getRange().end));
  return variableUses(text, escape)
    .filter((use) => !inSingleQuotes(text, use.start))
    .map((use) => ({ ...use, start: use.start + start, end: use.end + start, nameStart: use.nameStart + start }));
}

function inSingleQuotes(text: string, offset: number): boolean {
  return (text.slice(0, offset).match(/'/g)?.length ?? 0) % 2 === 1;
}

function nameRange(file: DockerfileFile, use: VariableUse) {
  return file.lines.range(use.nameStart, use.nameStart + use.name.length);
}
