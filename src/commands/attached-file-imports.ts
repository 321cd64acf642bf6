import type { ClusterProfile } from '../domain/clusters/cluster';
import type { FileKind } from '../domain/imports/file-upload';
import { decodeTextFile } from '../import/decode-text-file';
import { guessFileKind } from '../import/file-kinds';
import { fileKindNamed } from './clusters/upload-command';
import type { Invocation } from './command-definition';
import { type FileImportResult, type FileImports, refused } from './file-imports';
import { notTextRefusal, peek } from './file-start';

/** Files attached to a message in a personal chat with Clusterbot (Teams lets a bot receive them there). */
export class AttachedFileImports {
  constructor(
    private readonly files: FileImports,
    /** The clusters a person is linked to: a file sent in a personal chat is for theirs. */
    private readonly clustersOf: (tenantId: string, userId: string) => Promise<ClusterProfile[]>,
  ) {}

  /**
   * A file attached in a personal chat: its message says what it is (`/school import [network]`,
   * `/terms 2026-27`, `/performance import [year]`) or is empty, and then the file's first lines
   * do. It goes to the one cluster the person is linked to.
   */
  async attached(
    message: string | undefined,
    bytes: AsyncIterable<Uint8Array>,
    invocation: Invocation,
  ): Promise<FileImportResult & { kind?: FileKind }> {
    const said = fileCommandOf(message);
    if (said === 'not-an-import') return refused(ATTACH_HOW);
    const linked = await this.clustersOf(invocation.conversation.tenantId, invocation.actor.userId);
    const home = linked.length === 1 ? linked[0] : undefined;
    if (!home)
      return refused(
        linked.length === 0
          ? 'You are not linked to a cluster yet, so I cannot tell where this file belongs. Use **/join** in your cluster’s channel first. Nothing was imported.'
          : `You are linked to ${linked.length} clusters (${linked.map((c) => c.name).join(', ')}), so I cannot tell which this file is for. In the channel of the one you mean, type **/upload roster** (or terms, performance): I'll send you a link to upload it there. Nothing was imported.`,
      );
    const { head: first, rest, cancel } = await peek(bytes);
    const kind = said?.kind ?? guessFileKind(decodeTextFile(first.subarray(0, 4096)));
    if (!kind) {
      await cancel();
      return refused(notTextRefusal(first) ?? `I couldn't tell what this file is. ${ATTACH_HOW}`);
    }
    const result = await this.files.run({
      kind,
      option: said?.option ?? '',
      bytes: rest,
      invocation: { ...invocation, clusterPlaceKey: home.place.placeKey },
    });
    return { ...result, kind };
  }
}

const ATTACH_HOW =
  'Send a roster, term dates or performance file with no message, or with **/school import [network]**, **/terms 2026-27** or **/performance import [year]** as its message. Nothing was imported.';

/** What the message sent with a file says it is: nothing (guess), an import command, or something else. */
export function fileCommandOf(
  message: string | undefined,
): { kind: FileKind; option: string } | undefined | 'not-an-import' {
  const text = (message ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .replace(/^\/+/, '');
  if (!text) return undefined;
  const upload = /^upload\s+(\S+)\s*(.*)$/is.exec(text);
  const uploadKind = upload ? fileKindNamed(upload[1] ?? '') : undefined;
  if (upload && uploadKind) return { kind: uploadKind, option: (upload[2] ?? '').trim() };
  const command = /^(school\s+import|terms|performance\s+import)\b\s*(.*)$/is.exec(text);
  if (!command) return 'not-an-import';
  const name = (command[1] ?? '').toLowerCase();
  const kind: FileKind = name.startsWith('school') ? 'roster' : name === 'terms' ? 'terms' : 'performance';
  return { kind, option: (command[2] ?? '').trim() };
}
