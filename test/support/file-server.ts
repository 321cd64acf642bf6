import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { afterEach } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/teams/attachment-download';
import { type Person, personalMessage } from './teams-activities';

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of servers.splice(0)) await close();
});

/**
 * Stands in for SharePoint's pre-authorised download links: serves the given files on this
 * machine (some slowly) and counts the downloads.
 */
export async function startFileServer(
  files: Record<string, Uint8Array>,
  slowly: Record<string, number> = {},
) {
  const downloads: string[] = [];
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    downloads.push(req.url ?? '');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    // A slow download (a large file on a slow link): the last byte comes after `slowly[path]` ms.
    const wait = slowly[req.url ?? ''] ?? 0;
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.write(Buffer.from(file).subarray(0, 1));
    setTimeout(() => res.end(Buffer.from(file).subarray(1)), wait);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: (path: string) => `http://127.0.0.1:${port}${path}`, downloads };
}

/** What Teams sends when someone attaches a file to a message in their personal chat with a bot. */
export function fileInPersonalChat(downloadUrl: string, from: Person, text = ''): Partial<Activity> {
  return {
    ...personalMessage(text, from),
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        name: 'download.csv',
        contentUrl: 'https://contoso-my.sharepoint.com/personal/files/download.csv',
        content: { downloadUrl, uniqueId: '1b2c3d4e-0000-4000-8000-000000000001', fileType: 'csv' },
      },
    ],
  };
}
