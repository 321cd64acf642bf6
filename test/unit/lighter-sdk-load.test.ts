import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/** Runs a script in a fresh Node process (the module cache is the thing under test). */
function inFreshProcess(script: string): Record<string, unknown> {
  const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

const loadedRecognizers = `Object.keys(require.cache).filter((f) => f.includes('recognizers-text')).length`;
const loadedAiPackages = `['/openai/', '/gpt-tokenizer/', '/yaml/', '/jsonschema/'].filter((p) => Object.keys(require.cache).some((f) => f.includes('node_modules' + p)))`;

describe('loading teams-ai without the AI and sign-in parts Clusterbot never uses', () => {
  it('leaves the Recognizers-Text suites and the AI packages unloaded, yet builds the real Application', () => {
    const result = inFreshProcess(`
      require('./src/teams/lighter-sdk-load').loadTeamsAiWithoutUnusedParts();
      const { Application, TeamsAdapter } = require('@microsoft/teams-ai');
      const { MemoryStorage } = require('botbuilder');
      const app = new Application({ adapter: new TeamsAdapter({}), storage: new MemoryStorage() });
      console.log(JSON.stringify({ recognizers: ${loadedRecognizers}, ai: ${loadedAiPackages}, built: typeof app.run === 'function' }));
    `);
    expect(result).toEqual({ recognizers: 0, ai: [], built: true });
  });

  it('loads a deferred package the moment teams-ai really uses it', () => {
    const result = inFreshProcess(`
      require('./src/teams/lighter-sdk-load').loadTeamsAiWithoutUnusedParts();
      const { GPTTokenizer, OpenAIModel } = require('@microsoft/teams-ai');
      const tokens = new GPTTokenizer().encode('Year 6 writing moderation');
      const model = new OpenAIModel({ apiKey: 'not-used', defaultModel: 'gpt-4o' });
      console.log(JSON.stringify({ tokens: tokens.length, ai: ${loadedAiPackages}, model: typeof model.completePrompt }));
    `);
    expect(result).toEqual({
      tokens: expect.any(Number),
      ai: ['/openai/', '/gpt-tokenizer/'],
      model: 'function',
    });
    expect(result.tokens).toBeGreaterThan(3);
  });

  it('hands teams-ai the same classes the package exports, and the whole package on any other use', () => {
    const result = inFreshProcess(`
      require('./src/teams/lighter-sdk-load').loadTeamsAiWithoutUnusedParts();
      require('@microsoft/teams-ai');
      const { TeamsSsoPrompt } = require('@microsoft/teams-ai/lib/authentication/TeamsBotSsoPrompt');
      const { Dialog } = require('botbuilder-dialogs/lib/dialog');
      const before = ${loadedRecognizers};
      const whole = require('botbuilder-dialogs');
      console.log(JSON.stringify({
        sameBase: Object.getPrototypeOf(TeamsSsoPrompt) === Dialog && whole.Dialog === Dialog,
        before,
        afterWhole: ${loadedRecognizers} > 0,
      }));
    `);
    expect(result).toEqual({ sameBase: true, before: 0, afterWhole: true });
  });

  it('without it, teams-ai loads the suites (so the test above measures something)', () => {
    const result = inFreshProcess(`
      require('@microsoft/teams-ai');
      console.log(JSON.stringify({ recognizers: ${loadedRecognizers} > 0, ai: ${loadedAiPackages}.length }));
    `);
    expect(result).toEqual({ recognizers: true, ai: 4 });
  });
});
