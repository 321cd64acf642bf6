import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './connector-recorder';

/**
 * A stand-in for the Bot Connector that enforces Teams' limits as Teams does: about 50 requests
 * a second per app and tenant, and per conversation 7 a second and 60 in 30 seconds. A request
 * over a limit gets 429 with Retry-After, as Teams answers. Each accepted message takes
 * `latencyMs` to answer (Teams' own time), and is recorded so lost and doubled messages show.
 */
export const TEAMS_TENANT_LIMIT_PER_SECOND = 50;

export async function startTeamsLimitsConnector(latencyMs = 30) {
  const accepted: Array<{ conversation: string; tenant: string; at: number }> = [];
  let refused = 0;
  const byTenant = new Map<string, number[]>();
  const byConversation = new Map<string, number[]>();
  const within = (times: number[], now: number, ms: number) => times.filter((t) => now - t < ms).length;

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const conversation = decodeURIComponent((req.url ?? '').split('/')[3] ?? '');
    const tenant = String(
      (body.conversation as { tenantId?: string } | undefined)?.tenantId ??
        (body.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
        'unknown',
    );
    const now = Date.now();
    const tenantTimes = byTenant.get(tenant) ?? [];
    const conversationTimes = byConversation.get(conversation) ?? [];
    const over =
      within(tenantTimes, now, 1_000) >= TEAMS_TENANT_LIMIT_PER_SECOND ||
      within(conversationTimes, now, 1_000) >= 7 ||
      within(conversationTimes, now, 30_000) >= 60;
    if (over) {
      refused++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
      return;
    }
    tenantTimes.push(now);
    conversationTimes.push(now);
    byTenant.set(
      tenant,
      tenantTimes.filter((t) => now - t < 1_000),
    );
    byConversation.set(
      conversation,
      conversationTimes.filter((t) => now - t < 30_000),
    );
    accepted.push({ conversation, tenant, at: now });
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${accepted.length}` }));
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    accepted,
    refused: () => refused,
    /** The most messages accepted for one tenant within any one second. */
    busiestSecond(): number {
      const times = accepted.map((a) => a.at).sort((a, b) => a - b);
      let most = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while ((times[i] ?? 0) - (times[j] ?? 0) >= 1_000) j++;
        most = Math.max(most, i - j + 1);
      }
      return most;
    },
    /** Conversations that got the same number of messages more than once. */
    duplicates: () => accepted.length - new Set(accepted.map((a) => a.conversation)).size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
