import { containers } from '../../../src/storage/document-store.port';
import { cardActions, cardText, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { lastCard, newMembers, withRPrideChannel } from './networks.conversation.helpers';

const notCoordinator = 'Dat kan alleen een coördinator van dit netwerk. Er is niets veranderd.';

describe("networks: only a network's own coordinators announce to it or see its members", () => {
  let bot: TestBot;
  let lotte: TestUser; // coordinator of R-Pride (network A)
  let sem: TestUser; // coordinator of Neurodiversiteit (network B)
  let semsAnnouncement: string;

  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: withRPrideChannel });
    lotte = bot.user('Lotte Visser');
    sem = bot.user('Sem Willems');
    await newMembers(bot, 'neurodiversiteit', 2, 'ND-lid');
    await newMembers(bot, 'r-pride', 1, 'RP-lid');
    const preview = await sem.invoke('networks.announce.preview', {
      kind: 'plain',
      announcementId: '',
      networkId: 'neurodiversiteit',
      text: 'Prikkelarme lunch',
      toMembers: 'true',
      toChannel: 'false',
    });
    const send = findAction(preview.card, 'Versturen');
    semsAnnouncement = String(send.data?.announcementId);
    await sem.invoke(send.verb!, send.data);
    await bot.runDue();
  });
  afterAll(async () => bot.stop());

  const snapshot = async () => ({
    docs: (await bot.deps.store.query(containers.networks)).map((d) => `${d.pk}/${d.id}/${d.etag}`).sort(),
    requests: bot.connector.requests.length,
  });

  it('coordinator of A cannot announce to B, whatever the card says', async () => {
    const before = await snapshot();
    const res = await lotte.invoke('networks.announce.preview', {
      kind: 'plain',
      announcementId: '',
      networkId: 'neurodiversiteit',
      text: 'Ingeslopen',
      toMembers: 'true',
      toChannel: 'false',
    });
    expect(cardText(res.card)).toContain(notCoordinator);
    for (const verb of [
      'networks.announce.send',
      'networks.announce.status',
      'networks.announce.retryFailed',
      'networks.announce.correctForm',
      'networks.announce.edit',
    ]) {
      expect(cardText((await lotte.invoke(verb, { announcementId: semsAnnouncement })).card)).toContain(
        notCoordinator,
      );
    }
    expect(
      cardText(
        (
          await lotte.invoke('networks.announce.retract', {
            announcementId: semsAnnouncement,
            confirm: 'yes',
          })
        ).card,
      ),
    ).toContain(notCoordinator);
    const correct = await lotte.invoke('networks.announce.correct', {
      announcementId: semsAnnouncement,
      baseRevision: '1',
      kind: 'plain',
      text: 'Gekaapt',
    });
    expect(cardText(correct.card)).toContain(notCoordinator);
    await bot.runDue();
    expect(await snapshot()).toEqual(before);
  });

  it("coordinator of A cannot read B's members; their own list offers only their own networks", async () => {
    const res = await lotte.invoke('networks.members', { networkId: 'neurodiversiteit', page: '1' });
    expect(cardText(res.card)).toContain(notCoordinator);
    expect(cardText(res.card)).not.toContain('ND-lid');
    const own = lastCard(await lotte.say('leden'));
    expect(cardText(own)).toContain('Leden van R-Pride');
    expect(cardText(own)).toContain('RP-lid 1');
    expect(cardText(own)).not.toContain('ND-lid');
    expect(cardActions(own).filter((a) => a.verb === 'networks.members')).toHaveLength(0);
  });

  it('a medewerker cannot announce or list members at all', async () => {
    const member = bot.user('ND-lid 1');
    expect(cardText(lastCard(await member.say('aankondiging')))).toContain(notCoordinator);
    expect(cardText(lastCard(await member.say('leden')))).toContain(notCoordinator);
    expect(cardText((await member.invoke('networks.announce.list', {})).card)).toContain(notCoordinator);
  });

  it("B's own coordinator sees B's members and the delivery status", async () => {
    expect(cardText(lastCard(await sem.say('leden')))).toContain('2 leden');
    expect(
      cardText((await sem.invoke('networks.announce.status', { announcementId: semsAnnouncement })).card),
    ).toContain('Verstuurd: 2');
  });
});
