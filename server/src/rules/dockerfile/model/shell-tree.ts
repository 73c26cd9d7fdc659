/**
 * Reads tree-sitter-bash's syntax tree of a RUN script into what the Dockerfile rules use: simple commands
 * with their words, and pipes with what stands left and right of them. One cursor walk, reading node types
 * and offsets only (each node object web-tree-sitter makes is a copy out of WebAssembly memory). Offsets are
 * UTF-16 indices into the script, the same as JavaScript's (web-tree-sitter parses a string as UTF-16).
 *
 * The results keep mvdan/sh's model, which the rules were written against (issue 16 replaced that parser):
 * `a | b | c` is `(a | b) | c`, `time cmd` runs `cmd`, `export A=1` and `[[ … ]]` are not commands.
 */
import type { TreeCursor } from 'web-tree-sitter';
import type { RelativeCommand, RelativePipeline, RelativeScript } from './shell-words';

/** What a statement's exit status can be, as far as `mayFail` of a pipe's left side needs to know. */
const MAY_FAIL = 0;
const CANNOT_FAIL = 1;
/** `cat` alone: fails unless its standard input is inline (a heredoc or here-string). */
const CAT_STDIN = 2;
type Status = typeof MAY_FAIL | typeof CANNOT_FAIL | typeof CAT_STDIN;

/** Commands whose exit status is 0 whatever their (literal or expanded) arguments. */
const CANNOT_FAIL_PROGRAMS = new Set(['echo', 'printf', 'true', ':', 'yes']);
const INLINE_INPUT = new Set(['heredoc_redirect', 'herestring_redirect']);
const PIPE_OPERATORS = new Set(['|', '|&']);
/** What `[ … ]` holds besides its words: they are read as the words of the command `[`. */
const TEST_EXPRESSIONS = new Set([
  'unary_expression',
  'binary_expression',
  'parenthesized_expression',
  'negated_expression',
]);

interface Element {
  /** Script offset where it starts. */
  start: number;
  /** Commands of this pipeline element: `commands.slice(from, to)`. */
  from: number;
  to: number;
  status: Status;
}
interface Operator {
  at: number;
  length: number;
}

/** The commands and pipes of a parsed script; `cursor` stands on the tree's root. */
export function readScript(cursor: TreeCursor, text: string): RelativeScript {
  const commands: RelativeCommand[] = [];
  const pipelines: Array<RelativePipeline & { start: number }> = [];
  let nesting = 0;
  /**
   * The statement visited last, as a pipe element. tree-sitter-bash gives the redirections after a list or
   * pipeline (`a && b | cat > f`, `a && cat <<EOF | sh`) to the whole of it, where the shell gives them to
   * its last statement: this is that statement.
   */
  let lastStart = 0;
  let lastFrom = 0;
  let lastStatus: Status = MAY_FAIL;
  let lastIsGroup = false;
  /** Called with the cursor on the statement, after its children. */
  const setLast = (from: number, status: Status, isGroup: boolean): Status => {
    lastStart = cursor.startIndex;
    lastFrom = from;
    lastStatus = status;
    lastIsGroup = isGroup;
    return status;
  };

  /** Visits the children of the node under the cursor, each with `visit`. */
  const eachChild = (visit: (type: string) => void) => {
    if (!cursor.gotoFirstChild()) return;
    do visit(cursor.nodeType);
    while (cursor.gotoNextSibling());
    cursor.gotoParent();
  };

  /** The node under the cursor as a statement: finds the commands and pipes in it, returns its status. */
  const visit = (type: string): Status => {
    switch (type) {
      case 'command':
        return command();
      case 'pipeline':
        return pipeline();
      case 'redirected_statement':
        return redirected();
      case 'test_command':
        return testCommand();
      case 'subshell': {
        nesting++;
        const status = group();
        nesting--;
        return status;
      }
      case 'compound_statement':
        return group();
      case 'command_substitution':
      case 'process_substitution':
        nesting++;
        eachChild(visit);
        nesting--;
        return MAY_FAIL;
      case 'list':
        // `a && b`: its last statement stays the last one visited.
        eachChild(visit);
        return MAY_FAIL;
      default: {
        // `if`, `for`, `! a`, `export a=1`, …, and the parts of words: whoever contains them sets `last` after.
        const from = commands.length;
        eachChild(visit);
        return setLast(from, MAY_FAIL, true);
      }
    }
  };

  /** `{ a; b; }` or `( a; b )`: fails only through its commands (`{ echo a; echo b; } | tee f`). */
  const group = (): Status => {
    const from = commands.length;
    let statements = 0;
    let status: Status = CANNOT_FAIL;
    eachChild((type) => {
      if (!cursor.nodeIsNamed || type === 'comment') return;
      statements++;
      if (visit(type) !== CANNOT_FAIL) status = MAY_FAIL;
    });
    return setLast(from, statements === 0 ? MAY_FAIL : status, true);
  };

  /** A word's value when it is made only of literals and quotes; visits what it expands for commands. */
  const wordValue = (type: string): string | undefined => {
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    switch (type) {
      case 'word':
        return text.slice(start, end).replace(/\\(.)/g, '$1');
      case 'number':
        return text.slice(start, end);
      case 'raw_string':
        return text.slice(start + 1, end - 1);
      case 'ansi_c_string':
        // As mvdan/sh gave it: the text between the quotes, escapes unexpanded.
        return text.slice(start + 2, end - 1);
      case 'string': {
        let literal = true;
        eachChild((inner) => {
          if (inner !== 'string_content' && inner !== '"') {
            literal = false;
            visit(inner);
          }
        });
        return literal ? text.slice(start + 1, end - 1) : undefined;
      }
      case 'concatenation': {
        let value: string | undefined = '';
        eachChild((part) => {
          const partValue = wordValue(part);
          value = value === undefined || partValue === undefined ? undefined : value + partValue;
        });
        return value;
      }
      default:
        visit(type);
        return undefined;
    }
  };

  const command = (): Status => {
    const index = commands.length;
    const found: RelativeCommand = { words: [], order: cursor.startIndex, nested: nesting > 0 };
    commands.push(found);
    let otherRedirect = false;
    let inlineInput = false;
    eachChild((type) => {
      if (type === 'variable_assignment' || type === 'file_redirect') {
        otherRedirect ||= type === 'file_redirect';
        eachChild(visit);
      } else if (INLINE_INPUT.has(type)) {
        inlineInput = true;
        eachChild(visit);
      } else if (type === 'command_name') {
        const from = cursor.startIndex;
        const to = cursor.endIndex;
        cursor.gotoFirstChild();
        found.words.push({ from, to, value: wordValue(cursor.nodeType) });
        cursor.gotoParent();
      } else if (cursor.nodeIsNamed && type !== 'comment') {
        const from = cursor.startIndex;
        const to = cursor.endIndex;
        found.words.push({ from, to, value: wordValue(type) });
      }
    });
    // `time [-p] cmd …` is a keyword before a command (mvdan/sh's TimeClause).
    const { words } = found;
    if (words.length > 1 && words[0].value === 'time') {
      found.words = words.slice(words.length > 2 && words[1].value === '-p' ? 2 : 1);
      found.order = found.words[0].from;
    }
    if (found.words.length === 0) commands.splice(index, 1);
    return setLast(index, redirectedStatus(commandStatus(found), otherRedirect, inlineInput), false);
  };

  /** `[ -f x ]` is the command `[` to the shell (`[[ … ]]` is syntax, and no command). */
  const testCommand = (): Status => {
    const from = commands.length;
    const found: RelativeCommand = { words: [], order: cursor.startIndex, nested: nesting > 0 };
    const operand = (type: string) => {
      if (TEST_EXPRESSIONS.has(type)) eachChild(operand);
      else if (!cursor.nodeIsNamed || type === 'test_operator') {
        const value = text.slice(cursor.startIndex, cursor.endIndex);
        found.words.push({ from: cursor.startIndex, to: cursor.endIndex, value });
      } else if (type !== 'comment') {
        const word = { from: cursor.startIndex, to: cursor.endIndex };
        found.words.push({ ...word, value: wordValue(type) });
      }
    };
    cursor.gotoFirstChild();
    const single = cursor.nodeType === '[';
    cursor.gotoParent();
    if (!single) {
      eachChild(visit);
      return setLast(from, MAY_FAIL, true);
    }
    commands.push(found);
    eachChild(operand);
    return setLast(from, MAY_FAIL, false);
  };

  /**
   * `cmd > f`, `cat <<EOF …`. Redirections after a list or pipeline are its last statement's (see `last`).
   * tree-sitter-bash also puts what follows a heredoc's delimiter on its line inside the heredoc redirect:
   * `cat <<EOF | sh && x` holds `| sh && x`, read here as the pipe and list they are.
   */
  const redirected = (): Status => {
    const start = cursor.startIndex;
    const from = commands.length;
    let bodyType: string | undefined;
    // What the redirections apply to: the body, or its last statement.
    let targetStart = start;
    let targetFrom = from;
    let targetStatus: Status = MAY_FAIL;
    let targetIsGroup = false;
    let otherRedirect = false;
    let inlineInput = false;
    let list = false;
    let piped: Status | undefined;
    const redirectedTarget = (): Status =>
      targetIsGroup
        ? otherRedirect || inlineInput
          ? MAY_FAIL
          : targetStatus
        : redirectedStatus(targetStatus, otherRedirect, inlineInput);
    eachChild((type) => {
      if (type === 'file_redirect') {
        otherRedirect = true;
        eachChild(visit);
      } else if (type === 'herestring_redirect') {
        inlineInput = true;
        eachChild(visit);
      } else if (type === 'heredoc_redirect') {
        inlineInput = true;
        eachChild((part) => {
          if (part === 'file_redirect') {
            otherRedirect = true;
            eachChild(visit);
          } else if (part === 'pipeline') {
            // The pipe's left side: the whole body when it is a pipeline (`a | cat <<EOF | sh`).
            const [leftStart, left] = bodyType === 'pipeline' ? [start, from] : [targetStart, targetFrom];
            const elements: Element[] = [
              { start: leftStart, from: left, to: commands.length, status: redirectedTarget() },
            ];
            const operators: Operator[] = [];
            list = pipelineParts(elements, operators) || list;
            emitPipelines(elements, operators);
            piped = elements[elements.length - 1].status;
          } else if (part === '&&' || part === '||') list = true;
          else if (cursor.nodeIsNamed) visit(part);
        });
      } else if (cursor.nodeIsNamed && type !== 'comment') {
        bodyType = type;
        visit(type);
        targetStart = lastStart;
        targetFrom = lastFrom;
        targetStatus = lastStatus;
        targetIsGroup = lastIsGroup;
      }
    });
    const status = list || (piped === undefined && bodyType === 'list') ? MAY_FAIL : (piped ?? redirectedTarget());
    return setLast(from, status, false);
  };

  /**
   * A pipeline's parts (also `| a | b` after a heredoc's delimiter); true when one was a list. A pipeline
   * directly inside one continues it. A list never is a pipe's element in the shell (`a | b && c` is
   * `(a | b) && c`), but tree-sitter-bash sometimes groups it so (`… && { …; } && a | b | c && d` gave
   * `a | (b | c && d)`): the list's item next to the pipe is the element, its other items are statements.
   */
  const pipelineParts = (elements: Element[], operators: Operator[]): boolean => {
    let list = false;
    eachChild((type) => {
      if (PIPE_OPERATORS.has(type)) operators.push({ at: cursor.startIndex, length: type.length });
      else if (cursor.nodeIsNamed && type !== 'comment') list = pipelineElement(type, elements, operators) || list;
    });
    return list;
  };

  const pipelineElement = (type: string, elements: Element[], operators: Operator[]): boolean => {
    if (type === 'pipeline') return pipelineParts(elements, operators);
    if (type === 'list') {
      const isFirst = elements.length === 0;
      let items = 0;
      eachChild((item) => {
        if (cursor.nodeIsNamed && item !== 'comment') items++;
      });
      let index = 0;
      eachChild((item) => {
        if (!cursor.nodeIsNamed || item === 'comment') return;
        index++;
        if (index === (isFirst ? items : 1)) pipelineElement(item, elements, operators);
        else visit(item);
      });
      return true;
    }
    const start = cursor.startIndex;
    const from = commands.length;
    const status = visit(type);
    elements.push({ start, from, to: commands.length, status });
    return false;
  };

  const pipeline = (): Status => {
    const elements: Element[] = [];
    const operators: Operator[] = [];
    const from = commands.length;
    const list = pipelineParts(elements, operators);
    emitPipelines(elements, operators);
    const isGroup = lastIsGroup;
    const status = list || elements.length === 0 ? MAY_FAIL : elements[elements.length - 1].status;
    return setLast(from, status, isGroup);
  };

  /** One pipe per operator: for `a | b | c`, the first `|` (left `a`), the second (left `a`, `b`; status that of `b`). */
  const emitPipelines = (elements: Element[], operators: Operator[]) => {
    for (let k = 1; k <= Math.min(operators.length, elements.length - 1); k++) {
      const { at, length } = operators[k - 1];
      pipelines.push({
        at,
        length,
        order: at,
        left: commands.slice(elements[0].from, elements[k - 1].to).map(outermost),
        right: commands.slice(elements[k].from, elements[k].to).map(outermost),
        leftMayFail: elements[k - 1].status !== CANNOT_FAIL,
        start: elements[0].start,
      });
    }
  };

  if (cursor.gotoFirstChild()) {
    do if (cursor.nodeIsNamed) visit(cursor.nodeType);
    while (cursor.gotoNextSibling());
  }
  // In the order of mvdan/sh's left-grouped tree walked parents first: by where the pipeline starts, and
  // for one pipeline `a | b | c` the outer (second) pipe first.
  pipelines.sort((x, y) => x.start - y.start || y.at - x.at);
  return { commands, pipelines: pipelines.map(({ start: _start, ...pipeline }) => pipeline) };
}

/** A pipe's sides list their commands as the pipe's own, not as nested ones. */
function outermost(command: RelativeCommand): RelativeCommand {
  return command.nested ? { ...command, nested: false } : command;
}

function commandStatus(command: RelativeCommand): Status {
  const program = command.words[0]?.value;
  if (program !== undefined && CANNOT_FAIL_PROGRAMS.has(program)) return CANNOT_FAIL;
  // `cat <<EOF`: reads only the inline text.
  if (program === 'cat' && command.words.length === 1) return CAT_STDIN;
  return MAY_FAIL;
}

/**
 * A statement's status with its redirections: any but inline input (`> f`, `< f`, `2>&1`) may fail;
 * `cat` alone cannot with inline input (which may also come from the redirections around it).
 */
function redirectedStatus(status: Status, otherRedirect: boolean, inlineInput: boolean): Status {
  if (otherRedirect) return MAY_FAIL;
  return status === CAT_STDIN && inlineInput ? CANNOT_FAIL : status;
}
