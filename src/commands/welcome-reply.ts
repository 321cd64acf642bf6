import { renderWelcomeCard } from '../cards/welcome-card';
import type { ConversationScope } from '../domain/conversations/installed-conversation';
import { cardReply, type Reply } from './reply';

/** The Action.Execute verb on the welcome card's "Show commands" button. */
export const SHOW_HELP_VERB = 'showHelp';

const NEXT_STEP: Record<ConversationScope, string> = {
  channel:
    'Mention me to ask for something, for example **@Clusterbot /help**. I only see messages that mention me.',
  groupChat: 'Mention me to ask for something, for example **@Clusterbot /help**.',
  personal:
    'This is our private chat: reminders meant for you personally will arrive here, and cluster leads can send me a roster, term dates or a performance file as downloaded. Type **/help** to see what I can do.',
};

/** Posted once when Clusterbot is added to a team, a group chat or a personal chat. */
export function welcomeReply(scope: ConversationScope): Reply {
  const card = renderWelcomeCard({
    heading: "Hello, I'm Clusterbot",
    purpose:
      "I help your school-improvement cluster run its half-termly heads' meetings: the rota of host schools, " +
      'reminders a week before, apologies and deputies, agendas, minutes, actions and peer reviews.',
    nextStep: NEXT_STEP[scope],
    privacy:
      'Privacy: I never store information about individual pupils. Pupil data is shared only live in meetings.',
    helpVerb: SHOW_HELP_VERB,
  });
  return cardReply(card, 'Clusterbot has joined: type /help to see what it can do');
}
