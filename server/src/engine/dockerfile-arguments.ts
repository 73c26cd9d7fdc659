/**
 * dockerfile-ast works out an instruction's arguments from its text each time `getArguments()` (or a
 * method built on it: `getRawArgumentsContent`, `getHeredocs`, `getJSONStrings`, …) is called, and the
 * parser and our rules call them many times per instruction: on a 300-line Dockerfile that was a third
 * of each check's time (issue 16). An instruction's text never changes once parsed (we never use the
 * library's editing methods), so the list is kept per instruction and each caller gets its own copy
 * (`ModifiableInstruction.getArguments` removes the flags from the list it is given).
 *
 * While typing, the file is parsed again on every keystroke, and all its instructions but the edited one
 * are as they were. The library's own list for an instruction is a function of the instruction's text,
 * where it starts (line and character: its arguments' ranges are positions) and the escape character,
 * nothing else (`Instruction.getRawArguments` reads only these), so a parse of an edited file takes the
 * lists of the previous parse's instructions that agree on all three instead of working them out again.
 *
 * dockerfile-ast is pinned; the Dockerfile tests (unit, real-world, conformance) and the incremental
 * equivalence tests run every caller through this.
 */
import { DockerfileParser, Instruction, type Argument, type Dockerfile } from 'dockerfile-ast';

const kept = new WeakMap<Instruction, Argument[]>();

/** The previous parse of the file being parsed now, and its kept lists by `reuseKey` (made on first need). */
let reusable: { previous: Dockerfile; byKey?: Map<string, Argument[]> } | undefined;

let installed = false;

function keepInstructionArguments(): void {
  if (installed) return;
  installed = true;
  const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };
  const compute = prototype.getRawArguments;
  prototype.getRawArguments = function (this: Instruction) {
    let args = kept.get(this);
    if (!args) {
      args = (reusable && reusedArguments(this)) ?? compute.call(this);
      kept.set(this, args);
    }
    return [...args];
  };
}

/** Parse a Dockerfile; `previous`, the parse of the file's text before an edit, lends what the edit left as it was. */
export function parseDockerfile(text: string, previous?: Dockerfile): Dockerfile {
  keepInstructionArguments();
  reusable = previous ? { previous } : undefined;
  try {
    return DockerfileParser.parse(text);
  } finally {
    reusable = undefined;
  }
}

/** What decides `Instruction.getRawArguments`: the escape character, where the instruction starts, and its text. */
function reuseKey(instruction: Instruction): string {
  const { start } = instruction.getRange();
  const escape = (instruction as unknown as { escapeChar: string }).escapeChar;
  return `${escape}${start.line}:${start.character}\n${instruction.getTextContent()}`;
}

function reusedArguments(instruction: Instruction): Argument[] | undefined {
  if (!reusable) return undefined;
  if (!reusable.byKey) {
    reusable.byKey = new Map();
    for (const each of reusable.previous.getInstructions()) {
      const args = kept.get(each);
      if (args) reusable.byKey.set(reuseKey(each), args);
    }
  }
  return reusable.byKey.get(reuseKey(instruction));
}
