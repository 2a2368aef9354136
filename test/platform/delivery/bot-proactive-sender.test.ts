import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SendError, type StoredConversationReference } from '../../../src/platform/delivery';
import { BotProactiveSender } from '../../../src/platform/delivery/bot-proactive-sender';
import { FakeConnector } from '../../support/fake-connector';
import { botSender } from './delivery-fixture';

describe('BotProactiveSender over a real CloudAdapter', () => {
  let connector: FakeConnector;
  let ref: StoredConversationReference;
  beforeEach(async () => {
    // The connector's limits on time that stands still: a request over the limit is over it, however
    // long the machine takes between two requests.
    connector = await FakeConnector.start({ now: () => 0 });
    ref = {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: 'c1' },
      bot: { id: '28:bot' },
      user: { id: '29:u' },
    };
  });
  afterEach(() => connector.stop());

  it('posts a new message (not a reply) and edits it by id', async () => {
    const sender = botSender();
    const { activityId } = await sender.send(ref, { type: 'message', text: 'hoi' });
    await sender.update(ref, activityId, { type: 'message', text: 'hoi!' });
    expect(connector.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v3/conversations/c1/activities'],
      ['PUT', `/v3/conversations/c1/activities/${activityId}`],
    ]);
    expect(connector.updates()[0].body?.text).toBe('hoi!');
  });

  it('maps a 429 to a SendError with Retry-After, after exactly one request', async () => {
    connector.configure({ ratePerSecond: 1, burst: 1, retryAfterSeconds: 7 });
    const sender = botSender();
    await sender.send(ref, { type: 'message', text: 'a' });
    const err = await sender.send(ref, { type: 'message', text: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect(err).toMatchObject({ statusCode: 429, retryAfterMs: 7_000, reason: 'Throttled' });
    expect(connector.requests).toHaveLength(2);
  });

  it('does not let the SDK retry 5xx behind our back', async () => {
    connector.configure({ conversationStatus: { c1: 503 } });
    const err = await botSender()
      .send(ref, { type: 'message', text: 'a' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 503 });
    expect(connector.requests).toHaveLength(1);
  });

  it('opens a 1:1 chat, and a 429 on createConversation reaches our limiter after exactly one request', async () => {
    connector.configure({ ratePerSecond: 1, burst: 1, retryAfterSeconds: 5, requireInstallForCreate: false });
    const sender = botSender() as Required<ReturnType<typeof botSender>>;
    const request = { serviceUrl: connector.url, tenantId: 't1', botId: '28:bot' };
    const opened = await sender.openPersonal({ ...request, aadObjectId: 'u1' });
    expect(opened.conversation).toMatchObject({ id: 'a:personal-u1', conversationType: 'personal' });
    const err = await sender.openPersonal({ ...request, aadObjectId: 'u2' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 429, retryAfterMs: 5_000 });
    // The SDK's own retry policy would have asked again (up to three times) behind the limiter's back.
    expect(connector.creates().map((r) => r.status)).toEqual([201, 429]);
  });

  it("fails the send even when the adapter's onTurnError (the app's error boundary) swallows errors", async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const boundary: unknown[] = [];
    adapter.onTurnError = async (_ctx, err) => {
      boundary.push(err);
    };
    connector.configure({ conversationStatus: { c1: 503 } });
    const err = await new BotProactiveSender(adapter, '')
      .send(ref, { type: 'message', text: 'a' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 503 });
    expect(boundary).toHaveLength(0);
  });

  it('reports a network failure without a status code', async () => {
    const url = connector.url;
    await connector.stop();
    const err = await botSender()
      .send({ ...ref, serviceUrl: url }, { type: 'message', text: 'a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).statusCode).toBeUndefined();
    connector = await FakeConnector.start();
  });
});
