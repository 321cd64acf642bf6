import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReleaseFolder, installForProduction } from '../../scripts/build-release';

/**
 * The production artefact as an IT admin gets it: `npm run release`'s folder, installed with
 * `npm ci --omit=dev` (from the local npm cache where it can), started with `npm start`.
 */
export function buildInstalledArtefact(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clusterbot-release-'));
  buildReleaseFolder(dir);
  installForProduction(dir, ['--prefer-offline', '--loglevel=error']);
  return dir;
}

/** Packages that must never be in a production install. */
export function devToolsPresentIn(dir: string): string[] {
  return ['azurite', 'typescript', 'tsx', 'vitest', '@biomejs/biome', 'playwright-core'].filter((name) =>
    existsSync(join(dir, 'node_modules', name)),
  );
}

export interface StartedArtefact {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  msUntilReady: number;
  stop(): Promise<void>;
}

/**
 * Runs the artefact's start command on a free port and waits for its "ready" line.
 * `npm start` by default; `node` runs the same script directly, so its pid is the bot's own.
 */
/** The node flags of the artefact's start script (`node <flags> dist/src/main.js`). */
function nodeOptionsOf(dir: string): string[] {
  const start = (
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** A loopback port nothing listens on right now (the bot's PORT must be 1–65535). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startArtefact(
  dir: string,
  env: Record<string, string>,
  {
    via = 'npm',
    timeoutMs = 30_000,
    script = 'dist/src/main.js',
  }: { via?: 'npm' | 'node'; timeoutMs?: number; script?: string } = {},
): Promise<StartedArtefact> {
  const port = await freePort();
  const startedAt = performance.now();
  const [command, args] =
    via === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, [...nodeOptionsOf(dir), script]];
  const child = spawn(command, args, {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops npm's child too (npm does not wait for it).
    detached: true,
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the artefact did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /is ready at (http:\/\/\S+)\/api\/messages/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({
          url: ready[1],
          child,
          output: () => output,
          msUntilReady: performance.now() - startedAt,
          stop,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the artefact exited with ${code}:\n${output}`), { output, code }));
    });
  });
}
