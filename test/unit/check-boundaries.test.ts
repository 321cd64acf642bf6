import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { findCircles, findViolations } from '../../scripts/check-boundaries.mjs';

const check = (path: string, source: string): string[] => findViolations([{ path, source }]);

describe('the architecture boundary check', () => {
  it('flags an SDK imported from the domain or a service', () => {
    expect(check('src/domain/rota.ts', "import { TurnContext } from 'botbuilder';")).toEqual([
      expect.stringContaining(
        'src/domain/rota.ts:1 imports botbuilder (the Bot Framework SDK); only src/teams/ may',
      ),
      expect.stringContaining('src/domain may use only node: built-ins and zod'),
    ]);
    expect(check('src/services/x.ts', "import { TableClient } from '@azure/data-tables';")).toEqual([
      expect.stringContaining('imports @azure/data-tables (an Azure SDK); only src/storage/ may'),
    ]);
    expect(check('src/commands/x.ts', "const cron = require('node-cron');")).toEqual([
      expect.stringContaining('imports node-cron (node-cron); only src/scheduler/ may'),
    ]);
  });

  it('allows each SDK in its own edge folder', () => {
    expect(check('src/teams/clusterbot.ts', "import { Application } from '@microsoft/teams-ai';")).toEqual(
      [],
    );
    expect(check('src/storage/x.ts', "import type { TableClient } from '@azure/data-tables';")).toEqual([]);
  });

  it('keeps the domain from depending on code outside it', () => {
    expect(check('src/domain/rota/rota.ts', "import { x } from '../../services/ports';")).toEqual([
      expect.stringContaining('src/domain must not depend on anything outside it'),
    ]);
    expect(check('src/domain/rota/rota.ts', "import { Clock } from '../clock';")).toEqual([]);
  });

  it('flags the domain reading the clock directly', () => {
    expect(check('src/domain/x.ts', 'const now = new Date();\nconst later = new Date(now);')).toEqual([
      'src/domain/x.ts:1 reads the clock directly: take a Clock (src/domain/clock.ts) instead.',
    ]);
  });

  it('flags an import running upwards: a use case depending on how it is shown or delivered', () => {
    expect(check('src/services/agenda-service.ts', "import { x } from '../views/agenda-view';")).toEqual([
      expect.stringContaining('src/services may not depend on src/views'),
    ]);
    expect(check('src/storage/x.ts', "import { y } from '../commands/command-definition';")).toEqual([
      expect.stringContaining('src/storage may not depend on src/commands'),
    ]);
    expect(check('src/views/agenda-view.ts', "import type { Actor } from '../domain/actor';")).toEqual([]);
  });

  it('finds import circles, however long', () => {
    const files = [
      { path: 'src/services/a.ts', source: "import { b } from './b';" },
      { path: 'src/services/b.ts', source: "import type { C } from '../views/c';" },
      { path: 'src/views/c.ts', source: "import { a } from '../services/a';" },
      { path: 'src/services/d.ts', source: "import { a } from './a';" },
    ];
    expect(findCircles(files)).toEqual([
      'import circle: src/services/a.ts → src/services/b.ts → src/views/c.ts → src/services/a.ts',
    ]);
  });
});
