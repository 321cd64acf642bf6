/**
 * The production artefact's start-up and idle memory, beside a bare teams-ai echo bot started
 * the same way from the same node_modules. Clusterbot runs as infra/main.bicep configures it:
 * its managed identity (App Service's identity endpoint, faked on loopback) for Table storage
 * over https (Azurite with token authentication), with and without Application Insights.
 * Goals (issue 10): healthy within 3 s of starting, idle RSS at most 120 MB.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalAzurite } from '../src/storage/local-azurite';
import { startFakeApplicationInsights } from '../test/support/fake-application-insights';
import { startFakeManagedIdentity } from '../test/support/fake-managed-identity';
import { buildInstalledArtefact, startArtefact } from '../test/support/production-artefact';

const TLS = join(__dirname, '../test/fixtures/tls');
const CERTIFICATE = { certPath: join(TLS, 'localhost-cert.pem'), keyPath: join(TLS, 'localhost-key.pem') };
const RUNS = 5;
const IDLE_MS = 3_000;

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function msUntilHealthy(url: string, startedAt: number): Promise<number> {
  for (;;) {
    const healthy = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return performance.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Measured {
  readyMs: number;
  rssMb: number;
}

async function measure(dir: string, env: Record<string, string>, script?: string): Promise<Measured> {
  const ready: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const startedAt = performance.now();
    const bot = await startArtefact(dir, env, { via: 'node', ...(script ? { script } : {}) });
    ready.push(await msUntilHealthy(bot.url, startedAt));
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    rss.push(rssMegabytes(bot.child.pid ?? 0));
    await bot.stop();
  }
  return { readyMs: median(ready), rssMb: median(rss) };
}

export async function productionStartRows(): Promise<Array<[string, string]>> {
  const dir = buildInstalledArtefact();
  const storage = await startLocalAzurite({ port: 0, https: CERTIFICATE });
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const clientId = '9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d';
  const identity = await startFakeManagedIdentity(tenant);
  const insights = await startFakeApplicationInsights(CERTIFICATE);
  try {
    copyFileSync(join(__dirname, 'bare-teams-ai-bot.cjs'), join(dir, 'bare-teams-ai-bot.cjs'));
    const bare = await measure(
      dir,
      { MicrosoftAppId: clientId, MicrosoftAppPassword: 'unused' },
      'bare-teams-ai-bot.cjs',
    );
    const production = {
      NODE_ENV: 'production',
      MicrosoftAppId: clientId,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: tenant,
      AZURE_CLIENT_ID: clientId,
      TABLES_ENDPOINT: storage.endpoint,
      PUBLIC_BASE_URL: 'https://clusterbot.example.org',
      LINK_SIGNING_SECRET: 'b'.repeat(64),
      ALLOWED_TENANT_IDS: tenant,
      SCHEDULER_CRON: 'off',
      NODE_EXTRA_CA_CERTS: CERTIFICATE.certPath,
      ...identity.env,
    };
    const clusterbot = await measure(dir, production);
    const withInsights = await measure(dir, {
      ...production,
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.connectionString,
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    });
    const row = (name: string, m: Measured): Array<[string, string]> => [
      [
        `${name}: start to healthy /healthz (median of ${RUNS}; goal 3,000 ms)`,
        `${m.readyMs.toFixed(0)} ms (${(m.readyMs / bare.readyMs).toFixed(2)}× the bare bot)`,
      ],
      [
        `${name}: idle RSS after ${IDLE_MS / 1000} s (goal 120 MB)`,
        `${m.rssMb.toFixed(1)} MB (${(m.rssMb / bare.rssMb).toFixed(2)}× the bare bot)`,
      ],
    ];
    return [
      ['Bare teams-ai echo bot: start to healthy /healthz', `${bare.readyMs.toFixed(0)} ms`],
      ['Bare teams-ai echo bot: idle RSS', `${bare.rssMb.toFixed(1)} MB`],
      ...row('Production artefact (managed identity, https Tables)', clusterbot),
      ...row('Production artefact with Application Insights', withInsights),
    ];
  } finally {
    await storage.stop();
    await identity.close();
    await insights.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
