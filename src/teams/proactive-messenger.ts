import type { TeamsAdapter } from '@microsoft/teams-ai';
import {
  type Activity,
  CardFactory,
  type ConversationReference,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import type { ClusterPlace } from '../domain/clusters/cluster';
import type { ConversationKey } from '../domain/conversations/installed-conversation';
import type { Messenger } from '../notices/messenger';
import type { InstallationService } from '../services/installation-service';
import type { SendOutcome } from '../services/notices-port';
import type { ConversationStore, SendLeases } from '../services/ports';
import type { OutgoingMessage } from '../views/outgoing-message';
import { SendLimiter } from './send-limiter';
import { type SendFailure, sendWithPolicy } from './send-policy';
import { type SendKind, TenantPacer } from './tenant-pacer';

const NOT_INSTALLED: SendOutcome = {
  ok: false,
  reason: 'gone',
  detail: 'Clusterbot is not installed in this team or chat',
};

/**
 * Proactive messages through the Bot Connector, using the conversation references stored when the
 * bot was installed. Only conversations the bot is in are ever messaged.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationStore,
    private readonly installations: InstallationService,
    private readonly pacer: TenantPacer,
    /** A scheduled round, or people's own actions: they share the tenant's limit differently. */
    private readonly kind: SendKind = 'own',
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async postToCluster(place: ClusterPlace, message: OutgoingMessage): Promise<SendOutcome> {
    const target = await this.clusterTarget(place);
    if (!target) return NOT_INSTALLED;
    return this.send(target.reference, message, target.key);
  }

  /**
   * Where cluster posts go: the stored reference of the team or chat, aimed at the channel the
   * cluster uses (a new post, not a reply in someone's thread). Undefined when not installed.
   */
  private async clusterTarget(place: ClusterPlace) {
    const key = { tenantId: place.tenantId, conversationId: place.placeKey };
    const installed = await this.conversations.find(key);
    if (installed?.value.status !== 'active') return undefined;
    const reference = installed.value.reference as Partial<ConversationReference>;
    const channel = place.conversationId.split(';')[0] ?? place.conversationId;
    return {
      key,
      channel,
      reference: {
        ...reference,
        conversation: { ...reference.conversation, id: channel },
      } as Partial<ConversationReference>,
    };
  }

  async updateInCluster(
    place: ClusterPlace,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<SendOutcome> {
    const target = await this.clusterTarget(place);
    if (!target) return NOT_INSTALLED;
    const { channel, reference } = target;
    return sendWithPolicy(
      async () => {
        await this.pacer.paced(place.tenantId, channel, this.kind, () =>
          this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            const activity = TurnContext.applyConversationReference(toActivity(message), {
              ...reference,
              activityId: undefined,
            });
            activity.id = activityId;
            await context.updateActivity(activity);
          }),
        );
        return activityId;
      },
      describeFailure,
      { maxAttempts: 5, sleep: this.sleep },
    );
  }

  async sendToPerson(
    tenantId: string,
    userId: string,
    message: OutgoingMessage,
  ): Promise<SendOutcome | 'no-chat'> {
    const personal = await this.conversations.findPersonal(tenantId, userId);
    if (!personal) return 'no-chat';
    return this.send(personal.reference as Partial<ConversationReference>, message, {
      tenantId,
      conversationId: personal.conversationId,
    });
  }

  private async send(
    reference: Partial<ConversationReference>,
    message: OutgoingMessage,
    key: ConversationKey,
  ): Promise<SendOutcome> {
    let activityId: string | undefined;
    const outcome = await sendWithPolicy(
      async () => {
        const conversation = reference.conversation?.id ?? key.conversationId;
        await this.pacer.paced(key.tenantId, conversation, this.kind, () =>
          this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            // Applied by hand, without an activity id: a new post, not a reply to some earlier message.
            const activity = TurnContext.applyConversationReference(toActivity(message), {
              ...reference,
              activityId: undefined,
            });
            const [response] = await context.adapter.sendActivities(context, [activity]);
            if (!response) throw new Error('the Bot Connector did not accept the message');
            activityId = response.id;
          }),
        );
        return activityId;
      },
      describeFailure,
      { maxAttempts: 5, sleep: this.sleep },
    );
    if (!outcome.ok && outcome.reason === 'gone') {
      await this.installations.removed(key, 'send-refused');
    }
    return outcome;
  }
}

function toActivity(message: OutgoingMessage): Partial<Activity> {
  const mentions = message.mentions ?? [];
  const mentionText = mentions.map((m) => `<at>${m.name}</at>`).join(', ');
  const text = [message.text, mentionText].filter(Boolean).join(' ');
  const activity = message.card
    ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), text || undefined)
    : MessageFactory.text(text);
  activity.summary = message.summary;
  activity.textFormat = 'markdown';
  if (mentions.length > 0) {
    activity.entities = mentions.map((m) => ({
      type: 'mention',
      text: `<at>${m.name}</at>`,
      mentioned: { id: m.userId, name: m.name },
    }));
  }
  return activity;
}

/** Reads the status and Retry-After from the errors the Bot Connector client throws. */
function describeFailure(error: unknown): SendFailure {
  const e = error as {
    statusCode?: number;
    status?: number;
    message?: string;
    response?: { status?: number; headers?: { get?: (name: string) => string | undefined | null } };
  };
  const status = e.statusCode ?? e.status ?? e.response?.status;
  const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
  return {
    ...(status !== undefined ? { status } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
    message: e.message ?? String(error),
  };
}

export interface MessengerSettings {
  /** Where instances share each tenant's sending lease; without it, this instance paces alone. */
  leases?: SendLeases;
  instance?: string;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Messengers for this adapter: one for scheduled rounds and one for people's own actions, pacing
 * through one TenantPacer, so everything this instance sends counts against the same limits.
 */
export function teamsMessengerFactory(
  adapter: TeamsAdapter,
  botAppId: string,
  settings: MessengerSettings = {},
): (conversations: ConversationStore, installations: InstallationService, kind: SendKind) => Messenger {
  // Pacing waits in real time; `sleep` is only the wait between retries of a refused send.
  const pacer = new TenantPacer(settings.leases, settings.instance ?? 'this-instance', new SendLimiter());
  return (conversations, installations, kind) =>
    new TeamsMessenger(adapter, botAppId, conversations, installations, pacer, kind, settings.sleep);
}
