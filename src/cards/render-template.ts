import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from './adaptive-card';

/**
 * Expands a card template from cards/ with data. Templates stay plain JSON (designable in the
 * Adaptive Cards Designer); each card has a typed render function so the data always fits.
 */
export function renderTemplate<TData extends object>(template: object, data: TData): AdaptiveCard {
  return new Template(template).expand({ $root: data }) as AdaptiveCard;
}
