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

/**
 * Where an instruction's list is kept: a property of its own (a symbol no one else knows), which the parser
 * and the rules read thousands of times per check; a WeakMap lookup each time cost about 1 ms a keystroke.
 */
const KEPT = Symbol('shipshape.arguments');
const KEYWORD = Symbol('shipshape.keyword');
type Kept = Instruction & { [KEPT]?: Argument[]; [KEYWORD]?: string };

/**
 * The previous parse of the file being parsed now and its lists by `reuseKey`. The lists of a parse made
 * from a previous one are recorded by their keys as they are worked out (during the parse and after it),
 * for the parse after it; a list not recorded is only not reused.
 */
interface Reuse {
  byKey: Map<string, Argument[]>;
  recorded: Map<string, Argument[]>;
}
/** The parse running now, when it is made from a previous one. */
let reusable: Reuse | undefined;
/** The same, for the parses made from a previous one, once they are made. */
const reuseByParse = new WeakMap<Dockerfile, Reuse>();

let installed = false;

function keepInstructionArguments(): void {
  if (installed) return;
  installed = true;
  const prototype = Instruction.prototype as unknown as {
    getRawArguments(this: Instruction): Argument[];
    getKeyword(this: Instruction): string;
  };
  const compute = prototype.getRawArguments;
  // The keyword too (upper-cased on each call, thousands a check): `instruction` is set once, in the constructor.
  const keyword = prototype.getKeyword;
  prototype.getKeyword = function (this: Kept) {
    return (this[KEYWORD] ??= keyword.call(this));
  };
  prototype.getRawArguments = function (this: Kept) {
    let args = this[KEPT];
    if (!args) {
      // While a parse made from a previous one runs, or later for an instruction of such a parse.
      const reuse = reusable ?? reuseByParse.get((this as unknown as { dockerfile: Dockerfile }).dockerfile);
      if (reuse) {
        const key = reuseKey(this);
        args = reuse.byKey.get(key) ?? compute.call(this);
        reuse.recorded.set(key, args);
      } else args = compute.call(this);
      this[KEPT] = args;
    }
    return args.slice();
  };
}

/** Parse a Dockerfile; `previous`, the parse of the file's text before an edit, lends what the edit left as it was. */
export function parseDockerfile(text: string, previous?: Dockerfile): Dockerfile {
  keepInstructionArguments();
  if (!previous) return DockerfileParser.parse(text);
  const reuse = { byKey: reuseByParse.get(previous)?.recorded ?? previousLists(previous), recorded: new Map() };
  reusable = reuse;
  try {
    const dockerfile = DockerfileParser.parse(text);
    reuseByParse.set(dockerfile, reuse);
    return dockerfile;
  } finally {
    reusable = undefined;
  }
}

/** The lists a parse made without recording them (the first parse of a file), by their keys. */
function previousLists(previous: Dockerfile): Map<string, Argument[]> {
  const byKey = new Map<string, Argument[]>();
  for (const each of previous.getInstructions()) {
    const args = (each as Kept)[KEPT];
    if (args) byKey.set(reuseKey(each), args);
  }
  return byKey;
}

/** What decides `Instruction.getRawArguments`: the escape character, where the instruction starts, and its text. */
function reuseKey(instruction: Instruction): string {
  const { start } = instruction.getRange();
  const escape = (instruction as unknown as { escapeChar: string }).escapeChar;
  return `${escape}${start.line}:${start.character}\n${instruction.getTextContent()}`;
}
