import type { Attachment } from 'botbuilder';

/** What Teams attaches when someone sends a file to a bot in a personal chat (supportsFiles). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The pre-authorised, short-lived download address of the first file attached, if there is one. */
export function attachedFileUrl(attachments: readonly Attachment[] | undefined): string | undefined {
  const file = attachments?.find((a) => a.contentType === FILE_DOWNLOAD_INFO);
  const url = (file?.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
  return typeof url === 'string' ? url : undefined;
}

/**
 * Teams' download links are https on SharePoint. Plain http is allowed for this machine only
 * (Agents Playground and the tests), so a forged activity in local mode cannot aim the bot at
 * another server's plain-http address.
 */
export function isDownloadable(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === 'https:' ||
      (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname))
    );
  } catch {
    return false;
  }
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

export class AttachmentDownloadError extends Error {}

/** The file's bytes as they arrive (a national performance file is read without holding it whole). */
export async function* downloadAttachment(url: string): AsyncGenerator<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(
    (error: unknown) => {
      throw new AttachmentDownloadError(error instanceof Error ? error.message : String(error));
    },
  );
  if (!response.ok || !response.body) throw new AttachmentDownloadError(`HTTP ${response.status}`);
  for await (const chunk of response.body) yield chunk;
}
