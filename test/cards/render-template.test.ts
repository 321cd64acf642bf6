import { Template } from 'adaptivecards-templating';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/cards/render-template';
import template from '../fixtures/meeting-template.json';

// A small template in the shape of ours: interpolation, a repeated item and a condition.

describe('rendering a card template', () => {
  it('gives each render its own values although the parsed expressions are shared', () => {
    const first = {
      host: 'Earlsdon',
      when: 'Tue 17 Nov 2026, 13:30',
      schools: [{ name: 'Allesley', answer: 'attending' }],
    };
    const second = {
      host: 'Charter',
      when: 'Tue 12 Jan 2027, 13:30',
      schools: [
        { name: 'Hollyfast', answer: 'apologies' },
        { name: 'Cannon Park', answer: 'none' },
      ],
    };
    const renderedFirst = renderTemplate(template, first);
    const renderedSecond = renderTemplate(template, second);
    expect(renderedFirst).toEqual(new Template(template).expand({ $root: first }));
    expect(renderedSecond).toEqual(new Template(template).expand({ $root: second }));
    expect(JSON.stringify(renderedSecond)).toContain('Hollyfast (apologies)');
    expect(JSON.stringify(renderedSecond)).not.toMatch(/Earlsdon|Allesley|Cannon Park/);
    expect(renderTemplate(template, first)).toEqual(renderedFirst);
  });
});
