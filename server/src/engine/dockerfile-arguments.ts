/**
 * dockerfile-ast works out an instruction's arguments from its text each time `getArguments()` (or a
 * method built on it: `getRawArgumentsContent`, `getHeredocs`, `getJSONStrings`, …) is called, and the
 * parser and our rules call them many times per instruction: on a 300-line Dockerfile that was a third
 * of each check's time (issue 16). An instruction's text never changes once parsed (we never use the
 * library's editing methods), so the list is kept per instruction and each caller gets its own copy
 * (`ModifiableInstruction.getArguments` removes the flags from the list it is given).
 *
 * dockerfile-ast is pinned; the Dockerfile tests (unit, real-world, conformance) and the incremental
 * equivalence test run every caller through this.
 */
import { Instruction, type Argument } from 'dockerfile-ast';

const kept = new WeakMap<Instruction, Argument[]>();

let installed = false;

export function keepInstructionArguments(): void {
  if (installed) return;
  installed = true;
  const prototype = Instruction.prototype as unknown as { getRawArguments(this: Instruction): Argument[] };
  const compute = prototype.getRawArguments;
  prototype.getRawArguments = function (this: Instruction) {
    let args = kept.get(this);
    if (!args) {
      args = compute.call(this);
      kept.set(this, args);
    }
    return [...args];
  };
}
