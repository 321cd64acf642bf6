#!/usr/bin/env node
/**
 * House rule: chat, storage and scheduling SDKs stay at the edge, so the core could move to another
 * Teams SDK (or store) by changing one folder. Each SDK may be imported only from its own folder;
 * src/domain is pure (imports nothing outside itself) and never reads the clock directly.
 *
 * Usage: node scripts/check-boundaries.mjs   (exit 1 with a list of violations)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which folders may import which packages. A package not listed here may be used anywhere. */
export const EDGE_PACKAGES = [
  {
    pattern: /^(botbuilder|botframework-[\w-]+)(\/|$)/,
    allowedIn: ['src/teams/'],
    what: 'the Bot Framework SDK',
  },
  { pattern: /^@microsoft\/teams-ai(\/|$)/, allowedIn: ['src/teams/'], what: 'teams-ai' },
  { pattern: /^@azure\/(?!monitor-opentelemetry)/, allowedIn: ['src/storage/'], what: 'an Azure SDK' },
  {
    pattern: /^(@azure\/monitor-opentelemetry|@opentelemetry\/)/,
    allowedIn: ['src/telemetry/'],
    what: 'OpenTelemetry and Application Insights',
  },
  { pattern: /^node-cron(\/|$)/, allowedIn: ['src/scheduler/'], what: 'node-cron' },
  { pattern: /^express(\/|$)/, allowedIn: ['src/http/', 'src/teams/'], what: 'express' },
];

/**
 * Which rooms of src may import which. Lower rooms never import higher ones, so a use case never
 * depends on how it is shown or delivered. A room not listed (the composition root, main.ts) may
 * import anything.
 */
export const LAYERS = {
  domain: ['domain'],
  // File formats (import, export) are pure translations over the domain, usable by use cases.
  services: ['domain', 'services', 'import', 'export'],
  cards: ['cards'],
  views: ['domain', 'services', 'cards', 'views'],
  notices: ['domain', 'services', 'cards', 'views', 'notices'],
  storage: ['domain', 'services', 'storage', 'config'],
  import: ['domain', 'import'],
  export: ['domain', 'export'],
  config: ['config'],
  logging: ['logging'],
  telemetry: ['telemetry', 'logging'],
  scheduler: ['services', 'scheduler', 'logging'],
  commands: ['domain', 'services', 'cards', 'views', 'import', 'export', 'commands'],
  http: ['domain', 'services', 'views', 'http', 'logging', 'export'],
  teams: [
    'domain',
    'services',
    'cards',
    'views',
    'notices',
    'commands',
    'http',
    'logging',
    'telemetry',
    'config',
    'teams',
  ],
  'app-package': ['commands', 'app-package'],
};

const roomOf = (path) => {
  const match = /^src\/([^/]+)\//.exec(path);
  return match && match[1] in LAYERS ? match[1] : undefined;
};

const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
const DIRECT_CLOCK = /new Date\(\s*\)|Date\.now\(\s*\)/;

export function findViolations(files) {
  const violations = [];
  for (const { path, source } of files) {
    const lines = source.split('\n');
    const lineOf = (index) => source.slice(0, index).split('\n').length;
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      const line = lineOf(match.index + match[0].length - 1);
      for (const rule of EDGE_PACKAGES) {
        if (rule.pattern.test(specifier) && !rule.allowedIn.some((dir) => path.startsWith(dir))) {
          violations.push(
            `${path}:${line} imports ${specifier} (${rule.what}); only ${rule.allowedIn.join(', ')} may. ` +
              'Put the SDK call behind a port in src/services/ports.ts and implement it at the edge.',
          );
        }
      }
      const from = roomOf(path);
      if (from && specifier.startsWith('.')) {
        const to = roomOf(`${join(path, '..', specifier).split(sep).join('/')}/`);
        if (to && !LAYERS[from].includes(to) && from !== 'domain') {
          violations.push(
            `${path}:${line} imports ${specifier}: src/${from} may not depend on src/${to} ` +
              `(it may use ${LAYERS[from].map((r) => `src/${r}`).join(', ')}).`,
          );
        }
      }
      if (path.startsWith('src/domain/') && specifier.startsWith('.')) {
        const target = join(path, '..', specifier).split(sep).join('/');
        if (!target.startsWith('src/domain')) {
          violations.push(
            `${path}:${line} imports ${specifier}: src/domain must not depend on anything outside it.`,
          );
        }
      } else if (
        path.startsWith('src/domain/') &&
        !specifier.startsWith('node:') &&
        !/^zod(\/|$)/.test(specifier)
      ) {
        violations.push(
          `${path}:${line} imports ${specifier}: src/domain may use only node: built-ins and zod.`,
        );
      }
    }
    if (path.startsWith('src/domain/')) {
      lines.forEach((text, i) => {
        if (
          DIRECT_CLOCK.test(text) &&
          !text.trimStart().startsWith('*') &&
          !text.trimStart().startsWith('//')
        ) {
          violations.push(
            `${path}:${i + 1} reads the clock directly: take a Clock (src/domain/clock.ts) instead.`,
          );
        }
      });
    }
  }
  return violations;
}

/** Import circles between files of src (type-only imports count too: they still tie the files). */
export function findCircles(files) {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map();
  for (const { path, source } of files) {
    const targets = [];
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier.startsWith('.')) continue;
      const target = `${join(path, '..', specifier).split(sep).join('/').replace(/\.js$/, '')}.ts`;
      if (known.has(target)) targets.push(target);
    }
    edges.set(path, targets);
  }
  const circles = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return circles.map((c) => `import circle: ${c.join(' → ')}`);
}

function tsFilesUnder(root, dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFilesUnder(root, full);
    return full.endsWith('.ts')
      ? [{ path: relative(root, full).split(sep).join('/'), source: readFileSync(full, 'utf8') }]
      : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const files = tsFilesUnder(root, join(root, 'src'));
  const violations = [...findViolations(files), ...findCircles(files)];
  if (violations.length > 0) {
    console.error(
      `Architecture boundaries: ${violations.length} violation(s)\n${violations.map((v) => `  - ${v}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    'Architecture boundaries: SDK imports stay at the edge; src/domain is pure; no import runs upwards; no import circles.',
  );
}
