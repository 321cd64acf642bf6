import { describe, expect, it } from 'vitest';
import { plainMessageText } from '../../src/teams/message-text';

describe('plain text from a Teams message', () => {
  it('leaves ordinary text alone', () => {
    expect(plainMessageText('<at>Clusterbot</at> /rota')).toBe('<at>Clusterbot</at> /rota');
    expect(plainMessageText(undefined)).toBeUndefined();
  });

  it('turns pasted paragraphs and line breaks back into lines, keeping mentions', () => {
    expect(
      plainMessageText(
        '<p><at>Clusterbot</at> /school import</p><p>school,urn,head</p><p>St Mary&#39;s &amp; St John&#39;s,103700,Jo<br>Earlsdon,,</p>',
      ),
    ).toBe(
      "<at>Clusterbot</at> /school import\nschool,urn,head\nSt Mary's & St John's,103700,Jo\nEarlsdon,,",
    );
  });
});
