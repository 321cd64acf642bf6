import {
  type FileKind,
  MAX_PERFORMANCE_FILE_BYTES,
  MAX_TEXT_FILE_BYTES,
  type UploadTarget,
} from '../domain/imports/file-upload';
import { schoolYearOf } from '../domain/performance/measures';
import { decodeTextFile } from '../import/decode-text-file';
import { schoolYearOfFirstDate } from '../import/file-kinds';
import { decodedChunks } from '../import/performance/csv-records';
import type { PerformanceImportService } from '../services/performance-import-service';
import { performanceImportText } from '../views/import-report-view';
import { actorOf, type Invocation, placeOf } from './command-definition';
import type { CommandRegistry, DispatchOutcome } from './command-registry';
import { notTextRefusal, peek } from './file-start';
import { type Reply, refusalReply, textReply } from './reply';

/** A file as downloaded (from GIAS, the DfE, Ofsted, a school's website), for one import. */
export interface FileImport {
  kind: FileKind;
  /** The network (roster) or school year (terms, performance); '' when not given. */
  option: string;
  bytes: AsyncIterable<Uint8Array>;
  invocation: Invocation;
}

export interface FileImportResult {
  outcome: DispatchOutcome;
  reply: Reply;
}

class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function* capped(bytes: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of bytes) {
    total += chunk.length;
    if (total > limit) throw new FileTooLargeError(limit);
    yield chunk;
  }
}

async function readWhole(bytes: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of capped(bytes, limit)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * A file goes the way its pasted text goes: a roster or term dates become the lines under their
 * command (the same permissions, checks and replies as pasting), decoded from windows-1252 or
 * UTF-8 as they came. Performance files stream straight into their import, however large.
 */
export class FileImports {
  constructor(
    private readonly commands: CommandRegistry,
    private readonly performanceImport: PerformanceImportService,
  ) {}

  async run(given: FileImport): Promise<FileImportResult> {
    const { head, rest, cancel } = await peek(given.bytes);
    const notText = notTextRefusal(head);
    if (notText) {
      await cancel();
      return refused(notText);
    }
    const file = { ...given, bytes: rest };
    try {
      return file.kind === 'performance' ? await this.performance(file) : await this.text(file);
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw error;
      return refused(
        `That file is larger than ${megabytes(error.limit)}, more than any ${file.kind === 'performance' ? 'performance' : 'roster or term-dates'} file should be. Nothing was imported.`,
      );
    }
  }

  private async text({ kind, option, bytes, invocation }: FileImport): Promise<FileImportResult> {
    const text = decodeTextFile(await readWhole(bytes, MAX_TEXT_FILE_BYTES)).trim();
    if (!text) return refused('That file is empty. Nothing was imported.');
    if (kind === 'roster') return this.commands.dispatch(`school import ${option}\n${text}`, invocation);
    const year = option || schoolYearOfFirstDate(text);
    if (!year)
      return refused(
        'Say which school year these term dates are for: send the file again with **/terms 2026-27** as its message. Nothing was changed.',
      );
    return this.commands.dispatch(`terms ${year}\n${text}`, invocation);
  }

  private async performance({ option, bytes, invocation }: FileImport): Promise<FileImportResult> {
    const year = schoolYearOf(option);
    const outcome = await this.performanceImport.importFile(
      placeOf(invocation),
      decodedChunks(capped(bytes, MAX_PERFORMANCE_FILE_BYTES)),
      actorOf(invocation),
      year,
    );
    if (!outcome.ok) return refused(`Nothing was imported: ${outcome.problem}.`);
    return { outcome: 'handled', reply: textReply(performanceImportText(outcome.value)) };
  }
}

export const refused = (text: string): FileImportResult => ({
  outcome: 'refused',
  reply: refusalReply(text),
});

/**
 * An upload from the signed page comes as the lead who asked for the link, like a card button
 * pressed in their personal chat: it names the cluster, and only its people get through.
 */
export function uploadInvocation(target: UploadTarget, name: string | undefined): Invocation {
  return {
    actor: { userId: target.userId, ...(name ? { name } : {}) },
    conversation: { tenantId: target.tenantId, conversationId: `upload:${target.userId}`, scope: 'personal' },
    clusterPlaceKey: target.placeKey,
  };
}
