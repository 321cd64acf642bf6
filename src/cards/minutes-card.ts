import publishedTemplate from '../../cards/minutes.json';
import editorTemplate from '../../cards/minutes-editor.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

type Choice = { title: string; value: string };

export interface MinutesEditorCardData {
  clusterId: string;
  meetingId: string;
  title: string;
  subtitle: string;
  /** What just happened (saved, refused and why); '' shows nothing. */
  note: string;
  noteStyle: 'good' | 'attention' | 'default';
  markChoices: Choice[];
  schools: Array<{ name: string; markId: string; mark: string; deputyId: string; deputy: string }>;
  guests: string;
  items: Array<{ heading: string; inputId: string; notes: string }>;
  decisions: string;
  /** Actions already created from these minutes (read-only). */
  existingActions: Array<{ text: string }>;
  actionsHint: string;
  actionRows: Array<{
    label: string;
    titleId: string;
    title: string;
    schoolId: string;
    school: string;
    ownerId: string;
    owner: string;
    dueId: string;
    due: string;
  }>;
  schoolChoices: Choice[];
  peopleChoices: Choice[];
  footer: string;
  saveVerb: string;
  publishVerb: string;
  publishTitle: string;
  /** Drafts only: published minutes are corrected by publishing again. */
  canSave: boolean;
}

export function renderMinutesEditorCard(data: MinutesEditorCardData): AdaptiveCard {
  return renderTemplate(editorTemplate, data);
}

export interface PublishedMinutesCardData {
  title: string;
  subtitle: string;
  attendance: Array<{ label: string; text: string }>;
  notes: Array<{ item: string; notes: string }>;
  decisions: Array<{ text: string }>;
  actions: Array<{ text: string }>;
  footer: string;
  htmlUrl: string;
  markdownUrl: string;
}

export function renderPublishedMinutesCard(data: PublishedMinutesCardData): AdaptiveCard {
  return renderTemplate(publishedTemplate, data);
}
