// Checks a node's params against its catalog entry and fills in defaults.
import { error, warning, type Diagnostic } from './diagnostic.ts';
import type { LayerSpec, ParamSpec, ParamValue, Params } from './layerSpec.ts';

export interface ResolvedParams {
  readonly params: Params;
  readonly diagnostics: readonly Diagnostic[];
}

/** Defaults for every param of a layer. */
export function defaultParams(spec: LayerSpec): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [name, param] of Object.entries(spec.params)) params[name] = param.default;
  return params;
}

export function resolveParams(spec: LayerSpec, nodeId: string, raw: Readonly<Record<string, unknown>>): ResolvedParams {
  const params = defaultParams(spec);
  const diagnostics: Diagnostic[] = [];
  for (const [name, value] of Object.entries(raw)) {
    // Own params only: "toString" or "constructor" must not find Object.prototype's.
    const param = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
    if (param === undefined) {
      const known = Object.keys(spec.params);
      diagnostics.push(
        warning(`${spec.type} has no param "${name}"; it is ignored.`, {
          nodeId,
          field: name,
          suggestion: known.length > 0 ? `Its params are: ${known.join(', ')}.` : `${spec.type} takes no params.`,
        }),
      );
      continue;
    }
    const problem = checkParam(param, value);
    if (problem === null) {
      params[name] = value as ParamValue;
    } else {
      diagnostics.push(error(`${name} ${problem}`, { nodeId, field: name, suggestion: `The default is ${JSON.stringify(param.default)}.`, fix: { kind: 'setParam', nodeId, field: name, value: param.default } }));
    }
  }
  return { params, diagnostics };
}

/** null when the value fits the param, else what is wrong ("must be ..."). */
export function checkParam(param: ParamSpec, value: unknown): string | null {
  switch (param.kind) {
    case 'int':
    case 'float':
      return checkNumber(param.kind, param.min, param.max, value);
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false.';
    case 'enum':
      return typeof value === 'string' && param.options.includes(value) ? null : `must be one of ${param.options.map((option) => `"${option}"`).join(', ')}.`;
    case 'intList': {
      const lengths = param.minLength === param.maxLength ? `${param.minLength}` : `${param.minLength} to ${param.maxLength}`;
      if (!Array.isArray(value) || value.length < param.minLength || value.length > param.maxLength) return `must be a list of ${lengths} whole numbers.`;
      for (const item of value) {
        const problem = checkNumber('int', param.min, param.max, item);
        if (problem !== null) return `entries ${problem.replace('must', 'must each')}`;
      }
      return null;
    }
  }
}

function checkNumber(kind: 'int' | 'float', min: number, max: number, value: unknown): string | null {
  const range = `between ${min} and ${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a ${kind === 'int' ? 'whole ' : ''}number ${range}.`;
  if (kind === 'int' && !Number.isInteger(value)) return `must be a whole number ${range}.`;
  if (value < min || value > max) return `must be ${range}; it is ${value}.`;
  return null;
}
