import announcementTemplate from '../../cards/peer-review.json';
import doneTemplate from '../../cards/peer-review-done.json';
import requestTemplate from '../../cards/peer-review-request.json';
import listTemplate from '../../cards/peer-reviews.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

type Choice = { title: string; value: string };
type Line = { text: string };

/** A request as the channel sees it, with a Volunteer button while it is open. */
export interface PeerReviewCardData {
  clusterId: string;
  reviewId: string;
  title: string;
  subtitle: string;
  facts: Array<{ title: string; value: string }>;
  volunteers: Line[];
  open: boolean;
  volunteerVerb: string;
  footer: string;
}

export const renderPeerReviewCard = (data: PeerReviewCardData): AdaptiveCard =>
  renderTemplate(announcementTemplate, data);

export interface PeerReviewRequestCardData {
  intro: string;
  types: Choice[];
  halfTerms: Choice[];
  firstHalfTerm: string;
  verb: string;
}

export const renderPeerReviewRequestCard = (data: PeerReviewRequestCardData): AdaptiveCard =>
  renderTemplate(requestTemplate, data);

export interface PeerReviewDoneCardData {
  clusterId: string;
  reviewId: string;
  title: string;
  intro: string;
  rows: Array<{ label: string; titleId: string; schoolId: string; dueId: string }>;
  schoolChoices: Choice[];
  verb: string;
}

export const renderPeerReviewDoneCard = (data: PeerReviewDoneCardData): AdaptiveCard =>
  renderTemplate(doneTemplate, data);

export interface PeerReviewsCardData {
  title: string;
  open: Line[];
  closed: Line[];
  schools: Array<{ name: string; counts: string }>;
  footer: string;
}

export const renderPeerReviewsCard = (data: PeerReviewsCardData): AdaptiveCard =>
  renderTemplate(listTemplate, data);
