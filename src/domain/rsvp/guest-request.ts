/**
 * Seed 002: guests are agreed with the host beforehand. A head asks; the host school approves or
 * declines; the chair's tally shows approved guests (and those still waiting).
 */
export type GuestStatus = 'pending' | 'approved' | 'declined';

export interface GuestRequest {
  /** Stable per school and guest name, so asking again updates the same request. */
  id: string;
  meetingId: string;
  schoolId: string;
  name: string;
  role: string;
  requestedBy: string;
  requestedByName: string;
  at: Date;
  status: GuestStatus;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: Date;
}

export function guestRequestId(schoolId: string, guestName: string): string {
  const slug = guestName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${schoolId}~${slug}`;
}

/** A decision, once made, stands: deciding again to the same effect changes nothing. */
export function decideGuest(
  request: GuestRequest,
  decision: 'approved' | 'declined',
  by: { userId: string; name: string },
  at: Date,
): GuestRequest {
  if (request.status === decision) return request;
  return { ...request, status: decision, decidedBy: by.userId, decidedByName: by.name, decidedAt: at };
}
