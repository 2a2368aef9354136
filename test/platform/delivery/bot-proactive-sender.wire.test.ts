import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
} from 'botbuilder';
import type { OutboundActivity, StoredConversationReference } from '../../../src/platform/delivery';
import { BotProactiveSender } from '../../../src/platform/delivery/bot-proactive-sender';
import { FakeConnector } from '../../support/fake-connector';

/**
 * The sender keeps one connector client per service URL and sends without a turn context (issue #17).
 * What reaches Bot Connector must not change: each request is compared with the one botbuilder's own
 * proactive path makes (`continueConversationAsync` + `TurnContext.sendActivity` / `updateActivity`).
 */
describe('BotProactiveSender on the wire', () => {
  let connector: FakeConnector;
  beforeEach(async () => (connector = await FakeConnector.start()));
  afterEach(() => connector.stop());

  const announcement = (): OutboundActivity => ({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: 'Kennisatelier: inclusief leidinggeven', wrap: true }],
          actions: [{ type: 'Action.Execute', title: 'Aanmelden', verb: 'x.signUp', data: { id: 'a-1' } }],
        },
      },
    ],
  });
  const newAdapter = () => new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

  /** botbuilder's proactive path, as the sender was written before it kept its clients. */
  async function viaTurnContext(
    ref: StoredConversationReference,
    activity: OutboundActivity,
    updateOf?: string,
  ): Promise<void> {
    await newAdapter().continueConversationAsync('', ref as Partial<ConversationReference>, async (ctx) => {
      (ctx.activity as { id?: string }).id = undefined;
      if (updateOf) await ctx.updateActivity({ ...activity, id: updateOf });
      else await ctx.sendActivity(activity);
    });
  }

  const personal = (url: string, n: number): StoredConversationReference => ({
    serviceUrl: url,
    channelId: 'msteams',
    conversation: { id: `a:personal-${n}`, tenantId: 't1', conversationType: 'personal', isGroup: false },
    bot: { id: '28:bot', name: 'Panelbot' },
    user: { id: `29:${n}`, aadObjectId: `aad-${n}` },
    locale: 'nl-NL',
  });
  const channel = (url: string): StoredConversationReference => ({
    serviceUrl: url,
    channelId: 'msteams',
    conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', isGroup: true },
    bot: { id: '28:bot' },
  });
  const activities: Array<[string, OutboundActivity]> = [
    ['an announcement card', announcement()],
    [
      'markdown text with a summary',
      { type: 'message', text: '**Let op**: morgen', textFormat: 'markdown', summary: 'Let op' },
    ],
  ];

  it.each(activities)('posts %s with the same body as TurnContext.sendActivity', async (_name, activity) => {
    const sender = new BotProactiveSender(newAdapter(), '');
    for (const ref of [personal(connector.url, 1), channel(connector.url)]) {
      await viaTurnContext(ref, activity);
      await sender.send(ref, activity);
    }
    const [before, after, channelBefore, channelAfter] = connector.messages();
    expect(after.path).toBe(before.path);
    expect(after.body).toEqual(before.body);
    expect(JSON.stringify(Object.keys(after.body ?? {}).sort())).toBe(
      JSON.stringify(Object.keys(before.body ?? {}).sort()),
    );
    expect(after.body).toMatchObject({ from: { id: '28:bot' }, recipient: { id: '29:1' }, locale: 'nl-NL' });
    expect(channelAfter.path).toBe(channelBefore.path);
    expect(channelAfter.body).toEqual(channelBefore.body);
    // The caller's activity is left as it was (it is shared by every recipient of a broadcast).
    expect(activity).not.toHaveProperty('conversation');
  });

  it('edits a message with the same request as TurnContext.updateActivity', async () => {
    const ref = personal(connector.url, 2);
    const sender = new BotProactiveSender(newAdapter(), '');
    const { activityId } = await sender.send(ref, { type: 'message', text: 'eerst' });
    await viaTurnContext(ref, announcement(), activityId);
    await sender.update(ref, activityId, announcement());
    const [before, after] = connector.updates();
    expect(after.path).toBe(`/v3/conversations/a%3Apersonal-2/activities/${activityId}`);
    expect(after.path).toBe(before.path);
    expect(after.body).toEqual(before.body);
  });

  it('builds one connector client per service URL, not one per message', async () => {
    const other = await FakeConnector.start();
    try {
      const adapter = newAdapter();
      const continuations = jest.spyOn(adapter, 'continueConversationAsync');
      const sender = new BotProactiveSender(adapter, '');
      for (let n = 1; n <= 5; n++) await sender.send(personal(connector.url, n), announcement());
      await sender.send(personal(other.url, 6), announcement());
      await sender.update(personal(connector.url, 1), 'x', announcement());
      expect(continuations).toHaveBeenCalledTimes(2);
      expect(connector.messages()).toHaveLength(5);
      expect(other.messages()).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });
});
