import { z } from 'zod';

/**
 * What Clusterbot needs of every activity before any handler sees it. Anything else Teams sends
 * passes through untouched; what fails here never reaches a listener (the endpoint answers 400,
 * or an error card for an invoke), so handlers can rely on ids being strings and text being text.
 */
const Account = z
  .object({
    id: z.string().min(1, 'an account without an id'),
    name: z.string().nullish(),
    aadObjectId: z.string().nullish(),
  })
  .passthrough();

const optionalString = z.string().nullish();

export const IncomingActivitySchema = z
  .object({
    type: z.string().min(1, 'no activity type'),
    id: optionalString,
    channelId: z.string().min(1, 'no channelId'),
    serviceUrl: z.string().url('serviceUrl is not an address'),
    from: Account,
    recipient: Account,
    conversation: z
      .object({
        id: z.string().min(1, 'a conversation without an id'),
        tenantId: optionalString,
        conversationType: optionalString,
      })
      .passthrough(),
    text: optionalString,
    name: optionalString,
    replyToId: optionalString,
    channelData: z
      .object({ tenant: z.object({ id: z.string() }).passthrough().nullish() })
      .passthrough()
      .nullish(),
    entities: z.array(z.object({ type: z.string() }).passthrough()).nullish(),
    attachments: z.array(z.object({ contentType: z.string() }).passthrough()).nullish(),
    membersAdded: z.array(Account).nullish(),
    membersRemoved: z.array(Account).nullish(),
  })
  .passthrough();

export type IncomingActivity = z.output<typeof IncomingActivitySchema>;

/** Fields Teams may send as null that the SDK and handlers expect to be absent or present. */
const NULLABLE = [
  'id',
  'text',
  'name',
  'replyToId',
  'channelData',
  'entities',
  'attachments',
  'membersAdded',
  'membersRemoved',
] as const;

export type ActivityCheck =
  | { ok: true; activity: Record<string, unknown>; type: string }
  | { ok: false; reason: string; type: string | undefined };

/** Checks a request body; a null optional field is removed rather than refused. */
export function checkIncomingActivity(body: unknown): ActivityCheck {
  const type =
    typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string'
      ? (body as { type: string }).type
      : undefined;
  const parsed = IncomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    return { ok: false, type, reason: `${where}: ${issue?.message ?? 'not an activity'}` };
  }
  const activity: Record<string, unknown> = { ...parsed.data };
  for (const field of NULLABLE) if (activity[field] === null) delete activity[field];
  return { ok: true, activity, type: parsed.data.type };
}

/** The Microsoft Entra tenant an activity comes from (Teams puts it in one place or the other). */
export function tenantOf(activity: {
  conversation?: { tenantId?: string | null };
  channelData?: unknown;
}): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenant =
    activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
  return tenant?.toLowerCase();
}

type CardClick = { type?: string; name?: string | null; value?: unknown };

/** The data a card button sent back (Action.Execute), or undefined for anything else. */
function cardActionData(activity: CardClick): Record<string, unknown> | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return undefined;
  return (activity.value as { action?: { data?: Record<string, unknown> } } | undefined)?.action?.data;
}

/**
 * The meeting a card action is about (the reminder card's answers, guests), if its data names one
 * the way meeting ids look: only a hint for reading it with the cluster, checked again when used.
 */
export function cardMeetingId(activity: CardClick): string | undefined {
  const meetingId = cardActionData(activity)?.meetingId;
  return typeof meetingId === 'string' && /^\d{4}-\d{2}#[1-6]$/.test(meetingId) ? meetingId : undefined;
}

/** The cluster a card action names in its data, if it names one (any string is only a claim). */
export function cardClusterId(activity: CardClick): string | undefined {
  const clusterId = cardActionData(activity)?.clusterId;
  // A card about no one cluster (forgetting a person across the organisation) carries it empty.
  return clusterId === undefined || clusterId === '' ? undefined : String(clusterId);
}
