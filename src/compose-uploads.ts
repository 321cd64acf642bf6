import { type FileImports, uploadInvocation } from './commands/file-imports';
import type { UploadTarget } from './domain/imports/file-upload';
import type { UploadRun } from './http/file-uploads';
import type { Logger } from './logging/logger';
import type { FileUploadService } from './services/file-upload-service';
import { inTurn } from './services/turn-reads';
import type { OutgoingMessage } from './views/outgoing-message';

/** Markdown the page shows as plain text. */
const plain = (text: string) => text.replace(/\*\*/g, '').replace(/`/g, '');

/**
 * What the upload page runs: the file is imported as the lead the link was made for, and what
 * happened is also sent to their personal chat, so Teams has the record of it.
 */
export function uploadReceiver(parts: {
  fileImports: FileImports;
  uploads: FileUploadService;
  sendPrivately: (tenantId: string, userId: string, message: OutgoingMessage) => Promise<boolean>;
  logger: Logger;
}): UploadRun {
  // One upload is one turn: the name, the access check and the import share one read of the cluster.
  return (target, bytes) => inTurn(() => receive(target, bytes));
  async function receive(target: UploadTarget, bytes: AsyncIterable<Uint8Array>) {
    const invocation = uploadInvocation(target, await parts.uploads.nameOf(target));
    const result = await parts.fileImports.run({
      kind: target.kind,
      option: target.option,
      bytes,
      invocation,
    });
    const message = result.reply.kind === 'text' ? result.reply.text : result.reply.summary;
    parts.logger.info({ kind: target.kind, outcome: result.outcome }, 'file uploaded');
    await parts
      .sendPrivately(target.tenantId, target.userId, {
        text: `From the file you uploaded: ${message}`,
        summary: 'Your upload',
      })
      .catch(() => false);
    return { imported: result.outcome === 'handled', message: plain(message) };
  }
}
