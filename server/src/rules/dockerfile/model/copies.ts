/** COPY and ADD instructions with their sources and destination as written. */
import type { Copy, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { DockerfileFile, Range } from '../../../engine/types';
import { dockerfileModel, jsonArray, type Stage } from './stages';

export interface CopySource {
  value: string;
  range: Range;
}

export interface CopyInstruction {
  instruction: Instruction;
  keyword: 'COPY' | 'ADD';
  stage: Stage;
  sources: CopySource[];
  destination?: CopySource;
  /** `--from=<stage|image>`: sources come from there, not from the build context. */
  from?: string;
}

const cache = new WeakMap<DockerfileFile, readonly CopyInstruction[]>();

/** Worked out once per parse: about ten rules ask on every keystroke. */
export function copyInstructions(file: DockerfileFile): readonly CopyInstruction[] {
  let copies = cache.get(file);
  if (!copies) {
    copies = findCopyInstructions(file);
    cache.set(file, copies);
  }
  return copies;
}

function findCopyInstructions(file: DockerfileFile): CopyInstruction[] {
  const model = dockerfileModel(file);
  const copies: CopyInstruction[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const flags = (instruction as Copy).getFlags();
      // Heredoc sources (`COPY <<EOF /x`) are inline text, not files of the context.
      if ((instruction as Copy).getHeredocs?.().length) continue;
      const args = argumentsOf(instruction as JSONInstruction);
      if (args.length < 2) continue;
      copies.push({
        instruction,
        keyword,
        stage,
        sources: args.slice(0, -1),
        destination: args.at(-1),
        from: flags.find((flag) => flag.getName() === 'from')?.getValue() ?? undefined,
      });
    }
  }
  return copies;
}

function argumentsOf(instruction: JSONInstruction): CopySource[] {
  if (jsonArray(instruction)) {
    return instruction
      .getJSONStrings()
      .map((s) => ({ value: s.getValue().replace(/^"|"$/g, ''), range: s.getRange() }));
  }
  return instruction.getArguments().map((arg) => ({ value: arg.getValue(), range: arg.getRange() }));
}

/** `COPY . .`, `ADD ./ /app`: the whole build context. */
export function isWholeContext(source: string): boolean {
  return /^\.\/?$/.test(source) || source === '*' || source === './*';
}

/** The folder of the Dockerfile: the default build context. */
export function contextRoot(file: DockerfileFile): string {
  const path = file.path.replace(/\\/g, '/');
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** The ignore file BuildKit uses: `<Dockerfile>.dockerignore` beside the Dockerfile wins over `.dockerignore`. */
export function dockerignorePath(file: DockerfileFile, exists: (path: string) => boolean): string | undefined {
  const specific = `${file.path.replace(/\\/g, '/')}.dockerignore`;
  if (exists(specific)) return specific;
  const shared = `${contextRoot(file).replace(/\/$/, '')}/.dockerignore`;
  return exists(shared) ? shared : undefined;
}
