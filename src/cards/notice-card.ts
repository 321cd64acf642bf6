import template from '../../cards/notice.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

/** A card that only tells: why a click could not be done, and what to do about it. */
export interface NoticeCardData {
  title: string;
  text: string;
  /** "Reference 1a2b3c4d" for the person to quote, or '' for none. */
  reference: string;
}

export function renderNoticeCard(data: NoticeCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
