import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** The card attached to a message the bot sent through the connector (the first attachment). */
export function attachedCard(request: Pick<RecordedRequest, 'body'> | undefined): unknown {
  return ((request?.body.attachments ?? []) as Array<{ content?: unknown }>)[0]?.content;
}

/**
 * A tiny stand-in for the Bot Connector service on loopback: it records what the bot sends to
 * `serviceUrl` and answers like the real one ({ id }).
 */
/** A scripted answer for the next request (then the recorder goes back to 200s). */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

export async function startConnectorRecorder() {
  const requests: RecordedRequest[] = [];
  const script: ScriptedAnswer[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    requests.push({ method: req.method ?? '', path: decodeURIComponent(req.url ?? ''), body });
    for (const wake of waiters.splice(0)) wake();
    const answer = script.shift();
    if (answer && answer.status >= 300) {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify({ error: { code: 'Scripted', message: `scripted ${answer.status}` } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${requests.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    /** Answers the next requests with these statuses, in order. */
    answerNext(...answers: ScriptedAnswer[]) {
      script.push(...answers);
    },
    /** Resolves once at least `count` requests have arrived (or rejects after a while). */
    async waitFor(count: number, timeoutMs = 5_000): Promise<RecordedRequest[]> {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} connector requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A request's JSON body ({} when empty). */
export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
