import { readFileSync } from 'node:fs';

/**
 * Just enough of a Bicep reader to check infra/main.bicep offline (the Bicep compiler is a .NET
 * binary these machines cannot install): its params, resources with their bodies, and the Web
 * App's app settings.
 */
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  body: string;
}

export interface BicepParam {
  name: string;
  type: string;
  defaultValue?: string;
  decorators: string[];
}

export interface BicepFile {
  source: string;
  params: BicepParam[];
  resources: BicepResource[];
  resource(type: string): BicepResource;
}

/** The text from an opening brace to its matching close (strings and comments are simple here). */
function blockFrom(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return source.slice(open, i + 1);
  }
  throw new Error(`unbalanced braces from offset ${open}`);
}

export function readBicep(path: string): BicepFile {
  const source = readFileSync(path, 'utf8');
  const resources = [...source.matchAll(/^resource (\w+) '([^'@]+)@([^']+)' = \{/gm)].map((match) => ({
    symbol: match[1] ?? '',
    type: match[2] ?? '',
    apiVersion: match[3] ?? '',
    body: blockFrom(source, (match.index ?? 0) + match[0].length - 1),
  }));
  const params = [...source.matchAll(/((?:^@.*\n)*)^param (\w+) (\w+)(?: = (.+))?$/gm)].map((match) => ({
    decorators: (match[1] ?? '').split('\n').filter(Boolean),
    name: match[2] ?? '',
    type: match[3] ?? '',
    ...(match[4] !== undefined ? { defaultValue: match[4] } : {}),
  }));
  return {
    source,
    params,
    resources,
    resource(type) {
      const found = resources.filter((r) => r.type === type);
      if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
      return found[0] as BicepResource;
    },
  };
}

/** `{ name: 'X', value: <expression> }` entries of an appSettings array, in order. */
export function appSettingsOf(body: string): Array<{ name: string; value: string }> {
  const settings = /appSettings: \[([\s\S]*?)\n\s*\]/.exec(body)?.[1] ?? '';
  return [...settings.matchAll(/\{ name: '([^']+)', value: (.+) \}/g)].map((m) => ({
    name: m[1] ?? '',
    value: m[2] ?? '',
  }));
}
