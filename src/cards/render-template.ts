import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from './adaptive-card';

/**
 * adaptivecards-templating parses every `${...}` string of a template again on each expand
 * (through adaptive-expressions' ANTLR parser): most of a card's rendering time. The strings come
 * from our own templates, so each is parsed once and its expression kept; the parsed expression
 * is only read when evaluated. Bounded, in case a template ever interpolates text it was given.
 */
const MAX_CACHED = 5_000;
const parsed = new Map<string, unknown>();
const templateEngine = Template as unknown as { parseInterpolatedString(text: string): unknown };
const parseOnce = templateEngine.parseInterpolatedString.bind(Template);
templateEngine.parseInterpolatedString = (text: string) => {
  const cached = parsed.get(text);
  if (cached !== undefined) return cached;
  const expression = parseOnce(text);
  if (parsed.size < MAX_CACHED) parsed.set(text, expression);
  return expression;
};

/** Each template's prepared form, made once (templates are module-level JSON imports). */
const prepared = new WeakMap<object, Template>();

/**
 * Expands a card template from cards/ with data. Templates stay plain JSON (designable in the
 * Adaptive Cards Designer); each card has a typed render function so the data always fits.
 */
export function renderTemplate<TData extends object>(template: object, data: TData): AdaptiveCard {
  let compiled = prepared.get(template);
  if (!compiled) {
    compiled = new Template(template);
    prepared.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as AdaptiveCard;
}
