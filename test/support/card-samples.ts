import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { renderHelpCard } from '../../src/cards/help-card';
import { renderWelcomeCard } from '../../src/cards/welcome-card';

/**
 * Every template in cards/ with sample data, rendered through its typed render function.
 * The card test fails if a template has no entry here.
 */
export const CARD_SAMPLES: Record<string, () => AdaptiveCard> = {
  'help.json': () =>
    renderHelpCard({
      title: 'What Clusterbot can do',
      intro: 'Here are the commands:',
      commands: [
        {
          usage: '/help [command]',
          description: 'Shows what Clusterbot can do.',
          audience: 'Anyone',
          examples: '/help',
        },
        {
          usage: '/rota',
          description: 'Shows the rota.',
          audience: 'Members of this cluster',
          examples: '/rota  ·  /rota ics',
        },
      ],
      footer: 'In a channel, mention me first.',
    }),
  'welcome.json': () =>
    renderWelcomeCard({
      heading: "Hello, I'm Clusterbot",
      purpose: 'I help your cluster run its meetings.',
      nextStep: 'Type /help.',
      privacy: 'I never store pupil data.',
      helpVerb: 'showHelp',
    }),
};
