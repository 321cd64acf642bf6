import type { Activity } from 'botbuilder';

/**
 * Activities shaped like the ones Microsoft Teams really sends (ids, channelData, mention
 * entities), so the bot tests exercise the same parsing as production.
 */
export const BOT_ID = '28:9d5f3a4e-2b1c-4e8f-9a7d-6c5b4a3f2e1d';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEAM_ID = '19:Ab3dEfGhIjKlMnOpQrStUvWxYz0123456789@thread.tacv2';
export const CHANNEL_ID = '19:Q9rStUvWxYz0123456789Ab3dEfGhIjKl@thread.tacv2';
export const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export const HEAD_OF_BROAD_HEATH: Person = {
  id: '29:1GcS4EnwZ5g3zZk8dR7Xyq0bTmK2JpLx9vWuYt6s',
  name: 'Alex Morgan',
  aadObjectId: 'b1f7c3a2-5d4e-4f6a-8b9c-0d1e2f3a4b5c',
};

export const HEAD_OF_EARLSDON: Person = {
  id: '29:1Hq7Lm2Np4Rs6Tv8Xz0Bd3Fh5Jk7Mn9Pq',
  name: 'Priya Shah',
  aadObjectId: 'c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
};

/** Two more heads; tests link them to whichever school their story needs. */
export const LEE_EVANS: Person = {
  id: '29:1AllesleyHead000000000000000',
  name: 'Lee Evans',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000002',
};

export const JO_SMITH: Person = {
  id: '29:1EarlsdonHead0000000000000000',
  name: 'Jo Smith',
  aadObjectId: 'e1e2e3e4-0000-4000-8000-000000000001',
};

const bot = { id: BOT_ID, name: 'Clusterbot' };
const clientInfo = {
  type: 'clientInfo',
  locale: 'en-GB',
  country: 'GB',
  platform: 'Web',
  timezone: 'Europe/London',
};

let sequence = 1_763_000_000_000;
const nextId = () => String(sequence++);

/** What every activity from Teams carries: ids, the service to reply to, sender and recipient. */
function envelope(type: string, from: Person, withName = true) {
  return {
    type,
    id: nextId(),
    timestamp: new Date(),
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: withName ? { ...from } : { id: from.id, aadObjectId: from.aadObjectId },
    recipient: { ...bot },
  };
}

export function personalConversationId(person: Person): string {
  return `a:1${person.aadObjectId.replace(/-/g, '')}Xk9PqR`;
}

function personalConversation(person: Person) {
  return {
    isGroup: false,
    conversationType: 'personal',
    tenantId: TENANT_ID,
    id: personalConversationId(person),
    name: '',
  };
}

/** `@Clusterbot /help` typed in a team channel: the mention arrives as an <at> tag plus an entity. */
export function channelMessage(text: string, from: Person = HEAD_OF_BROAD_HEATH): Partial<Activity> {
  const base = envelope('message', from);
  return {
    ...base,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT_ID,
      id: `${CHANNEL_ID};messageid=${base.id}`,
      name: 'General',
    },
    textFormat: 'plain',
    text: `<at>Clusterbot</at> ${text}`,
    entities: [{ type: 'mention', mentioned: { ...bot }, text: '<at>Clusterbot</at>' }, clientInfo],
    channelData: {
      teamsChannelId: CHANNEL_ID,
      teamsTeamId: TEAM_ID,
      channel: { id: CHANNEL_ID },
      team: { id: TEAM_ID },
      tenant: { id: TENANT_ID },
    },
    locale: 'en-GB',
  } as Partial<Activity>;
}

/** A message in the 1:1 chat between a person and the bot: no mention needed. */
export function personalMessage(text: string, from: Person = HEAD_OF_BROAD_HEATH): Partial<Activity> {
  return {
    ...envelope('message', from),
    conversation: personalConversation(from),
    textFormat: 'plain',
    text,
    entities: [clientInfo],
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
  } as Partial<Activity>;
}

/** What Teams sends when the app is added to a team: the bot appears in membersAdded. */
export function botAddedToTeam(by: Person = HEAD_OF_BROAD_HEATH): Partial<Activity> {
  return {
    ...envelope('conversationUpdate', by, false),
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: TEAM_ID },
    membersAdded: [{ id: BOT_ID }],
    channelData: {
      team: { id: TEAM_ID, name: 'Roots Network heads', aadGroupId: 'c2a1b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
      eventType: 'teamMemberAdded',
      tenant: { id: TENANT_ID },
    },
  } as Partial<Activity>;
}

/** A person (not the bot) joins a team the bot is already in. */
export function personAddedToTeam(person: Person): Partial<Activity> {
  return {
    ...botAddedToTeam(),
    membersAdded: [{ id: person.id, aadObjectId: person.aadObjectId }],
  } as Partial<Activity>;
}

/** The app is removed from the team: the bot appears in membersRemoved. */
export function botRemovedFromTeam(by: Person = HEAD_OF_BROAD_HEATH): Partial<Activity> {
  return {
    ...botAddedToTeam(by),
    membersAdded: undefined,
    membersRemoved: [{ id: BOT_ID }],
    channelData: { team: { id: TEAM_ID }, eventType: 'teamMemberRemoved', tenant: { id: TENANT_ID } },
  } as Partial<Activity>;
}

/** A head installs the app for themselves (personal scope). */
export function botAddedToPersonalChat(person: Person = HEAD_OF_BROAD_HEATH): Partial<Activity> {
  return {
    ...envelope('conversationUpdate', person, false),
    conversation: personalConversation(person),
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: TENANT_ID } },
  } as Partial<Activity>;
}

export function installationUpdate(
  action: 'add' | 'remove',
  person: Person = HEAD_OF_BROAD_HEATH,
): Partial<Activity> {
  return {
    ...envelope('installationUpdate', person, false),
    action,
    conversation: personalConversation(person),
    channelData: { tenant: { id: TENANT_ID }, source: { name: 'message' } },
  } as Partial<Activity>;
}

/** A click on an Action.Execute button (Universal Actions): an invoke named adaptiveCard/action. */
export function cardAction(
  verb: string,
  data: Record<string, unknown> = {},
  from: Person = HEAD_OF_BROAD_HEATH,
  where: 'personal' | 'channel' = 'personal',
) {
  return {
    ...(where === 'channel' ? channelMessage('', from) : personalMessage('', from)),
    entities: [],
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  } as Partial<Activity>;
}

/** The same activity as sent in another team (another cluster's home). */
export function inTeam(activity: Partial<Activity>, teamId: string): Partial<Activity> {
  const channelData = {
    ...(activity.channelData as Record<string, unknown>),
    team: { id: teamId },
    teamsTeamId: teamId,
  };
  return { ...activity, channelData } as Partial<Activity>;
}

/** A channel message that @mentions a person after the command (e.g. linking them to a school). */
export function channelMessageMentioning(text: string, person: Person, from: Person = HEAD_OF_BROAD_HEATH) {
  const activity = channelMessage(`${text} <at>${person.name}</at>`, from);
  return {
    ...activity,
    entities: [
      ...(activity.entities ?? []),
      { type: 'mention', mentioned: { id: person.id, name: person.name }, text: `<at>${person.name}</at>` },
    ],
  } as Partial<Activity>;
}
