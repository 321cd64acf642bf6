import template from '../../cards/guest-approval.json';
import type { AdaptiveCard } from './adaptive-card';
import { renderTemplate } from './render-template';

export interface GuestApprovalCardData {
  clusterId: string;
  meetingId: string;
  guestId: string;
  verb: string;
  title: string;
  explanation: string;
  guestName: string;
  guestRole: string;
  school: string;
  askedBy: string;
  status: string;
  /** False once decided or the meeting is no longer ahead: the buttons go. */
  open: boolean;
}

export function renderGuestApprovalCard(data: GuestApprovalCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
