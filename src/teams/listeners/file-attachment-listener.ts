import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Invocation } from '../../commands/command-definition';
import { type Reply, refusalReply, textReply } from '../../commands/reply';
import type { Logger } from '../../logging/logger';
import {
  AttachmentDownloadError,
  attachedFileUrl,
  downloadAttachment,
  isDownloadable,
} from '../attachment-download';
import type { BotDependencies } from '../bot-dependencies';
import { plainMessageText } from '../message-text';
import { replyActivity } from '../reply-activity';
import { replyOnFailure } from '../reply-on-failure';
import { invocationFrom } from '../turn-input';
import { turnLogger } from '../turn-logger';

const carriesFile = async (context: TurnContext) =>
  context.activity.type === 'message' && attachedFileUrl(context.activity.attachments) !== undefined;

const CANNOT_OPEN = refusalReply(
  'I could not open that file from Teams. Please send it again. Nothing was imported.',
);
const STILL_READING = textReply(
  "That's a large file: I'm still reading it, and I'll tell you here what was imported when it's done.",
);
const WENT_WRONG =
  'Something went wrong while I was reading your file, so nothing was imported. Please send it again in a few minutes.';

/**
 * A file sent to Clusterbot in a personal chat (a GIAS download, term dates, a DfE file) is
 * imported as if it had been pasted under its command. Registered before the command listener.
 * Teams wants an answer within 15 s: a file that takes longer (a national performance file) is
 * answered "still reading", and what it did follows as a message of its own.
 */
export function registerFileAttachmentListener(app: Application, deps: BotDependencies): void {
  app.activity(carriesFile, async (context) => {
    const log = turnLogger(context, deps.logger);
    await replyOnFailure(context, log, async () => {
      const invocation = invocationFrom(context.activity);
      const work = importAttached(deps, context, invocation, log);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), deps.answerFileWithinMs);
      });
      const answer = await Promise.race([work, late]).finally(() => clearTimeout(timer));
      if (answer) {
        await context.sendActivity(replyActivity(answer));
        return;
      }
      await context.sendActivity(replyActivity(STILL_READING));
      const { tenantId } = invocation.conversation;
      const { userId } = invocation.actor;
      void work
        .catch((error: unknown) => {
          log.error({ err: error }, 'file import failed after the turn');
          return refusalReply(WENT_WRONG);
        })
        .then((reply) =>
          deps.sendPrivately(tenantId, userId, {
            ...(reply.kind === 'text' ? { text: reply.text } : { card: reply.card }),
            summary: 'What your file did',
          }),
        )
        .catch((error: unknown) => log.error({ err: error }, 'could not send what the file did'));
    });
  });
}

async function importAttached(
  deps: BotDependencies,
  context: TurnContext,
  invocation: Invocation,
  log: Logger,
): Promise<Reply> {
  const url = attachedFileUrl(context.activity.attachments) ?? '';
  if (!isDownloadable(url)) {
    log.warn({ reason: 'download address refused' }, 'file not imported');
    return CANNOT_OPEN;
  }
  try {
    const result = await deps.attachedFiles.attached(
      plainMessageText(context.activity.text),
      downloadAttachment(url),
      invocation,
    );
    // The file's name and contents are the person's: the log has what kind it was and what happened.
    log.info({ kind: result.kind, outcome: result.outcome }, 'file imported');
    return result.reply;
  } catch (error) {
    if (!(error instanceof AttachmentDownloadError)) throw error;
    log.warn({ reason: error.message }, 'file could not be downloaded');
    return CANNOT_OPEN;
  }
}
