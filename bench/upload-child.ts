/**
 * One upload in a process of its own: the upload page's POST route on a local server, fed the
 * file by fetch as a browser would, streaming into the performance reader for a 12-school cluster.
 * Prints time, rows kept and peak RSS (server and sender together) as JSON.
 */
import { createReadStream } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileUploads } from '../src/http/file-uploads';
import { uploadLink } from '../src/http/signed-links';
import { decodedChunks } from '../src/import/performance/csv-records';
import { readPerformanceFile } from '../src/import/performance/read-performance-file';

const SECRET = 'bench-secret-bench-secret-bench-secret-01';

async function main() {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: upload-child <file>');
  const urns = new Set(Array.from({ length: 12 }, (_, i) => String(100_000 + i * 997)));
  let kept = 0;
  const uploads = fileUploads(
    SECRET,
    () => new Date(),
    async (_target, bytes) => {
      const outcome = await readPerformanceFile(decodedChunks(bytes), { urns, laCodes: new Set() });
      if (!outcome.ok) return { imported: false, message: outcome.problem };
      kept = [...outcome.value.matched.values()].reduce((a, b) => a + b, 0);
      return { imported: true, message: `kept ${kept}` };
    },
    async () => 'Bench',
  );
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const result = await uploads.receive('performance', query, req.iterator({ destroyOnReturn: false }));
    res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target = { kind: 'performance' as const, tenantId: 't', placeKey: 'p', userId: 'u', option: '' };
  const start = performance.now();
  // Sent as a browser sends a file: one request body, read from disk as the socket takes it.
  const answer = await new Promise<{ imported: boolean; message: string }>((resolve, reject) => {
    const request = httpRequest(
      uploadLink(base, SECRET, target, new Date()),
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (piece: string) => {
          body += piece;
        });
        response.on('end', () => resolve(JSON.parse(body)));
      },
    );
    request.on('error', reject);
    pipeline(createReadStream(file, { highWaterMark: 64 * 1024 }), request).catch(reject);
  });
  if (!answer.imported) throw new Error(answer.message);
  const ms = performance.now() - start;
  server.close();
  console.log(JSON.stringify({ ms, kept, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
