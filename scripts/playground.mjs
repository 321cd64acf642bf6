#!/usr/bin/env node
/**
 * npm run playground: opens Microsoft 365 Agents Playground (a local Teams-like client from
 * npm @microsoft/m365agentsplayground) against the bot started with `npm start`.
 * Extra arguments are passed on, e.g. `npm run playground -- -p 56150`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

if (existsSync('.env')) process.loadEnvFile('.env');
const port = process.env.PORT?.trim() || '3978';
const endpoint = `http://localhost:${port}/api/messages`;

try {
  const health = await fetch(`http://localhost:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  if (!health.ok) {
    console.error(
      `Clusterbot answered on port ${port} but its storage is not reachable (HTTP ${health.status}).`,
    );
    process.exit(1);
  }
} catch {
  console.error(
    `Clusterbot is not running on port ${port}.\n` +
      'Start it first in another terminal with:  npm start\n' +
      'then run:                                  npm run playground',
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@microsoft/m365agentsplayground/package.json'));
const { bin } = require('@microsoft/m365agentsplayground/package.json');
const cli = join(packageDir, typeof bin === 'string' ? bin : Object.values(bin)[0]);

console.log(`Opening Agents Playground against ${endpoint} (Teams channel). Press Ctrl+C to stop.`);
const child = spawn(
  process.execPath,
  [cli, '-e', endpoint, '-c', 'msteams', '--disable-telemetry', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
