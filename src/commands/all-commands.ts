import type { RegisteredCommand } from './command-definition';
import { helpCommand } from './help/help-command';

/** Every command Clusterbot understands, in the order /help lists them. Add new commands here. */
export const ALL_COMMANDS: readonly RegisteredCommand[] = [helpCommand];
