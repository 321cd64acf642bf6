import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/domain/commands/parse-command-text';
import { suggestCommandName } from '../../src/domain/commands/suggest-command-name';

describe('parseCommandText', () => {
  it.each([
    ['/help', 'help', ''],
    ['help', 'help', ''],
    ['HELP', 'help', ''],
    ['  /Help  ', 'help', ''],
    ['<at>Clusterbot</at> /help', 'help', ''],
    ['<at>Clusterbot</at>&nbsp;/help', 'help', ''],
    ['<at>Clusterbot</at>\u00a0help', 'help', ''],
    ['<at>Cluster Bot</at> <at>Clusterbot</at> /help rota', 'help', 'rota'],
    ['/help   Rota  ICS ', 'help', 'Rota  ICS'],
  ])('reads %j as the command %s with arguments %j', (text, name, args) => {
    expect(parseCommandText(text)).toEqual({ kind: 'command', name, args });
  });

  it('keeps mentions that come after the command, because they are arguments', () => {
    expect(parseCommandText('/school link <at>Alex Morgan</at> Broad Heath')).toEqual({
      kind: 'command',
      name: 'school',
      args: 'link <at>Alex Morgan</at> Broad Heath',
    });
  });

  it.each([[undefined], [''], ['   '], ['<at>Clusterbot</at>'], ['/'], ['<at>Clusterbot</at>  / ']])(
    'treats %j as an empty message',
    (text) => {
      expect(parseCommandText(text)).toEqual({ kind: 'empty' });
    },
  );
});

describe('suggestCommandName', () => {
  const known = ['help', 'rota', 'agenda', 'minutes'];

  it('suggests the command one slip away', () => {
    expect(suggestCommandName('hlep', known)).toBe('help');
    expect(suggestCommandName('agnda', known)).toBe('agenda');
    expect(suggestCommandName('minuets', known)).toBe('minutes');
  });

  it('suggests nothing for a word that is not close to any command', () => {
    expect(suggestCommandName('weather', known)).toBeUndefined();
    expect(suggestCommandName('hi', known)).toBeUndefined();
  });
});
