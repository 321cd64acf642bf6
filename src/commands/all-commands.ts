import { actionCommand, actionsCommand } from './clusters/action-commands';
import { agendaCommand } from './clusters/agenda-command';
import { boardCommand } from './clusters/board-command';
import { joinCommand } from './clusters/join-command';
import { minutesCommand } from './clusters/minutes-command';
import { peerReviewCommand } from './clusters/peer-review-command';
import { performanceCommand } from './clusters/performance-command';
import { privacyCommand } from './clusters/privacy-command';
import { rotaCommand } from './clusters/rota-command';
import { schoolCommand } from './clusters/school-command';
import { setupCommand } from './clusters/setup-command';
import { targetsCommand } from './clusters/targets-command';
import { termsCommand } from './clusters/terms-command';
import { uploadCommand } from './clusters/upload-command';
import type { RegisteredCommand } from './command-definition';
import { helpCommand } from './help/help-command';

/** Every command Clusterbot understands, in the order /help lists them. Add new commands here. */
export const ALL_COMMANDS: readonly RegisteredCommand[] = [
  helpCommand,
  setupCommand,
  schoolCommand,
  joinCommand,
  termsCommand,
  rotaCommand,
  agendaCommand,
  minutesCommand,
  actionCommand,
  actionsCommand,
  peerReviewCommand,
  boardCommand,
  performanceCommand,
  targetsCommand,
  uploadCommand,
  privacyCommand,
];
