/**
 * `shipshape/dockerfileStages`: the stages, instructions, EXPOSEd ports and ARGs of a Dockerfile, for
 * the client's container commands (target stage pick, ports to publish, build args to ask for,
 * lines for build errors and layer sizes). Answered from the same Dockerfile model the rules use,
 * so the client needs no Dockerfile parser of its own. Lines are 0-based.
 */
import type { Arg, Instruction } from 'dockerfile-ast';
import type { Connection } from 'vscode-languageserver';
import { parseFile } from '../engine/parse';
import type { DockerfileFile } from '../engine/types';
import { dockerfileModel } from '../rules/dockerfile/model/stages';

export const DOCKERFILE_STAGES_REQUEST = 'shipshape/dockerfileStages';

export interface DockerfileStagesParams {
  /** The Dockerfile's text as the client sees it (unsaved edits included). */
  text: string;
}

export interface DockerfileStages {
  stages: { index: number; name?: string; line: number; parent?: number; isFinal: boolean }[];
  instructions: { keyword: string; line: number; endLine: number; text: string; stage: number }[];
  exposes: { port: number; protocol: 'tcp' | 'udp'; line: number }[];
  args: { name: string; hasDefault: boolean; line: number; stage: number }[];
}

function sourceOf(text: string, instruction: Instruction): string {
  const lines = text.split(/\r?\n/);
  const { start, end } = instruction.getRange();
  if (start.line === end.line) return lines[start.line]?.slice(start.character, end.character) ?? '';
  return [
    lines[start.line]?.slice(start.character) ?? '',
    ...lines.slice(start.line + 1, end.line),
    lines[end.line]?.slice(0, end.character) ?? '',
  ].join('\n');
}

export function dockerfileStages(text: string): DockerfileStages {
  const file = parseFile('Dockerfile', text, { kind: 'dockerfile' }) as DockerfileFile;
  const model = dockerfileModel(file);
  const result: DockerfileStages = {
    stages: model.stages.map((stage) => ({
      index: stage.index,
      name: stage.name,
      line: stage.from.getRange().start.line,
      parent: stage.parent?.index,
      isFinal: stage.isFinal,
    })),
    instructions: [],
    exposes: [],
    args: [],
  };
  for (const instruction of file.dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const stage = model.stageOf(instruction)?.index ?? -1;
    const range = instruction.getRange();
    result.instructions.push({
      keyword,
      line: range.start.line,
      endLine: range.end.line,
      text: sourceOf(text, instruction),
      stage,
    });
    if (keyword === 'EXPOSE') {
      for (const argument of instruction.getArguments()) {
        const match = /^(\d+)(?:\/(tcp|udp))?$/i.exec(argument.getValue());
        if (match)
          result.exposes.push({
            port: Number(match[1]),
            protocol: (match[2]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp',
            line: range.start.line,
          });
      }
    }
    if (keyword === 'ARG') {
      for (const property of (instruction as Arg).getProperties())
        result.args.push({
          name: property.getName(),
          hasDefault: property.getValue() !== null,
          line: range.start.line,
          stage,
        });
    }
  }
  return result;
}

export function registerDockerfileStages(connection: Connection): void {
  connection.onRequest(DOCKERFILE_STAGES_REQUEST, (params: DockerfileStagesParams) =>
    dockerfileStages(typeof params?.text === 'string' ? params.text : ''),
  );
}
