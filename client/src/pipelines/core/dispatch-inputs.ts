/**
 * `workflow_dispatch` inputs read from a workflow file, typed as GitHub types them, so each can be
 * asked with the right control (choice → pick, boolean → yes/no, environment → pick of the
 * repository's environments, number → validated input, string → input with the default).
 */
import { parse } from 'yaml';

export type DispatchInputType = 'string' | 'boolean' | 'choice' | 'number' | 'environment';

export interface DispatchInput {
  name: string;
  type: DispatchInputType;
  description?: string;
  required: boolean;
  default?: string;
  options: string[];
}

export interface DispatchInfo {
  /** True when the workflow has a `workflow_dispatch` trigger. */
  dispatchable: boolean;
  inputs: DispatchInput[];
}

const TYPES: ReadonlySet<string> = new Set(['string', 'boolean', 'choice', 'number', 'environment']);

/** Read the trigger from a workflow file's text; a file that does not parse is not dispatchable. */
export function dispatchInfo(workflowText: string): DispatchInfo {
  let document: unknown;
  try {
    document = parse(workflowText);
  } catch {
    return { dispatchable: false, inputs: [] };
  }
  const on = (document as Record<string, unknown> | null)?.on ?? (document as Record<string, unknown> | null)?.true;
  if (on === 'workflow_dispatch') return { dispatchable: true, inputs: [] };
  if (Array.isArray(on)) return { dispatchable: on.includes('workflow_dispatch'), inputs: [] };
  if (!on || typeof on !== 'object' || !('workflow_dispatch' in on)) return { dispatchable: false, inputs: [] };
  const trigger = (on as Record<string, unknown>).workflow_dispatch as { inputs?: unknown } | null;
  const inputs = trigger?.inputs;
  if (!inputs || typeof inputs !== 'object') return { dispatchable: true, inputs: [] };
  return {
    dispatchable: true,
    inputs: Object.entries(inputs as Record<string, unknown>).map(([name, raw]) => toInput(name, raw)),
  };
}

function toInput(name: string, raw: unknown): DispatchInput {
  const spec = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const declared = typeof spec.type === 'string' ? spec.type : 'string';
  const type = (TYPES.has(declared) ? declared : 'string') as DispatchInputType;
  const options = Array.isArray(spec.options) ? spec.options.map(String) : [];
  const defaultValue = spec.default === undefined || spec.default === null ? undefined : String(spec.default);
  return {
    name,
    type,
    ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
    required: spec.required === true,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    options,
  };
}

/** Why a typed value is not acceptable, or undefined when it is. GitHub receives every value as a string. */
export function validateInput(input: DispatchInput, value: string): string | undefined {
  if (value === '') return input.required ? `${input.name} is required` : undefined;
  switch (input.type) {
    case 'number':
      return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value.trim()) ? undefined : `${input.name} must be a number`;
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : `${input.name} must be true or false`;
    case 'choice':
      return input.options.includes(value) ? undefined : `${input.name} must be one of ${input.options.join(', ')}`;
    default:
      return undefined;
  }
}
