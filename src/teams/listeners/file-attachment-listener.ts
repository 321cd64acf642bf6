import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { refusalReply } from '../../commands/reply';
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

/**
 * A file sent to Clusterbot in a personal chat (a GIAS download, term dates, a DfE file) is
 * imported as if it had been pasted under its command. Registered before the command listener.
 */
export function registerFileAttachmentListener(app: Application, deps: BotDependencies): void {
  app.activity(carriesFile, async (context) => {
    const log = turnLogger(context, deps.logger);
    await replyOnFailure(context, log, async () => {
      const url = attachedFileUrl(context.activity.attachments) ?? '';
      const cannotOpen = replyActivity(
        refusalReply('I could not open that file from Teams. Please send it again. Nothing was imported.'),
      );
      if (!isDownloadable(url)) {
        log.warn({ reason: 'download address refused' }, 'file not imported');
        await context.sendActivity(cannotOpen);
        return;
      }
      let result: Awaited<ReturnType<typeof deps.attachedFiles.attached>>;
      try {
        result = await deps.attachedFiles.attached(
          plainMessageText(context.activity.text),
          downloadAttachment(url),
          invocationFrom(context.activity),
        );
      } catch (error) {
        if (!(error instanceof AttachmentDownloadError)) throw error;
        log.warn({ reason: error.message }, 'file could not be downloaded');
        await context.sendActivity(cannotOpen);
        return;
      }
      // The file's name and contents are the person's: the log has what kind it was and what happened.
      log.info({ kind: result.kind, outcome: result.outcome }, 'file imported');
      await context.sendActivity(replyActivity(result.reply));
    });
  });
}
