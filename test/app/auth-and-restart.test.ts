import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardsOf } from '../support/cards';
import { startTestBot, testTenantId } from '../support/test-bot';

describe('authentication', () => {
  it('answers 401 to an unauthenticated POST when MicrosoftAppId is set, and runs no turn', async () => {
    const bot = await startTestBot({
      env: {
        MicrosoftAppId: '3f1b8a52-0c4e-4a51-9d3e-0a9a1b2c3d4e',
        MicrosoftAppPassword: 'Qx8~a7Zk2P-mN4vR9tW1yB6cE3fH5jL0sU.dG',
        MicrosoftAppTenantId: testTenantId,
        LINK_SIGNING_SECRET: 'kq3Vd9T2xWm7Lp0Zr5Nb8Yc1Hs4Fj6Ga-Ue_Io',
      },
    });
    try {
      const user = bot.user('Medewerker Demo');
      const res = await bot.post({
        ...bot.baseActivity({ id: user.conversationId, conversationType: 'personal' }, user.from, 'nl-NL'),
        type: 'message',
        text: 'help',
      });
      expect(res.status).toBe(401);
      expect(bot.messagesIn(user.conversationId)).toHaveLength(0);
      expect(await bot.deps.conversations.get(`user:${user.aadObjectId}`)).toBeUndefined();
    } finally {
      await bot.stop();
    }
  });
});

describe('restart', () => {
  it('keeps what was written before a restart (embedded store)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-restart-'));
    try {
      const first = await startTestBot({ dataDir });
      const user = first.user('Daan Bakker');
      expect(cardsOf(await user.say('help'))).toHaveLength(1);
      await first.stop();

      const second = await startTestBot({ dataDir });
      try {
        const record = await second.deps.conversations.get(`user:${user.aadObjectId}`);
        expect(record?.reference.conversation.id).toBe(user.conversationId);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
