import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * Application Insights' ingestion endpoint on loopback: it keeps every envelope the exporter
 * sends to /v2.1/track (gzipped JSON arrays) and answers as the real one does. The exporter only
 * speaks https, so this serves the given test certificate (trust it with NODE_EXTRA_CA_CERTS).
 */
export interface Envelope {
  name: string;
  data?: { baseType?: string; baseData?: Record<string, unknown> & { properties?: Record<string, string> } };
}

export interface FakeApplicationInsights {
  connectionString: string;
  envelopes: Envelope[];
  /** Everything received, as text, to look for what must never be sent. */
  raw(): string;
  close(): Promise<void>;
}

export async function startFakeApplicationInsights(tls: {
  certPath: string;
  keyPath: string;
}): Promise<FakeApplicationInsights> {
  const envelopes: Envelope[] = [];
  const bodies: string[] = [];
  const server = createServer(
    { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        const text = body.toString('utf8');
        bodies.push(text);
        const received = text.trim().startsWith('[') ? (JSON.parse(text) as Envelope[]) : [];
        envelopes.push(...received);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ itemsReceived: received.length, itemsAccepted: received.length, errors: [] }),
          );
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://127.0.0.1:${port}/`,
    envelopes,
    raw: () => bodies.join('\n'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
