// The baseline: a bare teams-ai v1 bot (same versions as Clusterbot, memory storage, express),
// started the way the artefact is. It echoes messages and answers card clicks with a small
// card, so a load generator can drive it exactly as it drives Clusterbot. Run from a folder
// whose node_modules holds them.
const express = require('express');
const { Application, TeamsAdapter } = require('@microsoft/teams-ai');
const { MemoryStorage } = require('botbuilder');

const adapter = new TeamsAdapter(
  process.env.MicrosoftAppId
    ? { MicrosoftAppId: process.env.MicrosoftAppId, MicrosoftAppPassword: process.env.MicrosoftAppPassword }
    : {},
);
const app = new Application({ adapter, storage: new MemoryStorage(), startTypingTimer: false });
app.message(/.*/, async (context) => {
  await context.sendActivity(`echo: ${context.activity.text}`);
});
app.adaptiveCards.actionExecute(/.*/, async () => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Thanks' }],
}));

const server = express();
server.post('/api/messages', express.json(), (req, res) =>
  adapter.process(req, res, (context) => app.run(context)),
);
server.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
const port = Number(process.env.PORT ?? 3978);
const listening = server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.error(`\nBare bot is ready at http://127.0.0.1:${port}/api/messages`);
});
process.once('SIGTERM', () => listening.close(() => process.exit(0)));
