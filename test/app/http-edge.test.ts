import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardsOf } from '../support/cards';
import { startTestBot, type TestBot } from '../support/test-bot';

/** Sends headers and the first part of a body, never the rest: a guard must answer without reading it. */
function answerBeforeBody(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/messages`, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write('x'.repeat(1024));
  });
}

describe('finding 4: unauthenticated uploads', () => {
  let bot: TestBot;
  let uploads: string;
  const savedTmp = process.env.TMPDIR;

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    // restify's multipart parser writes upload_* files to os.tmpdir(), read per request.
    uploads = mkdtempSync(join(tmpdir(), 'panelbot-uploads-'));
    process.env.TMPDIR = uploads;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(uploads, { recursive: true, force: true });
  });

  it('answers multipart to /api/messages with 415 and leaves no upload_* file in the temp folder', async () => {
    const form = new FormData();
    form.append('file', new Blob(['A'.repeat(200_000)]), 'payload.bin');
    form.append('type', 'message');
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('refuses other content types before reading the body', async () => {
    expect(await answerBeforeBody(bot.url, { 'content-type': 'multipart/form-data; boundary=x' })).toBe(415);
    expect(await answerBeforeBody(bot.url, { 'content-type': 'text/plain', 'content-length': '9000' })).toBe(
      415,
    );
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('caps the body at 256 KB: a declared size is refused at once, a chunked one when it passes the cap', async () => {
    const declared = await answerBeforeBody(bot.url, {
      'content-type': 'application/json',
      'content-length': String(300 * 1024),
    });
    expect(declared).toBe(413);
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    const chunked = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('still takes a Teams activity as JSON (charset parameter included)', async () => {
    const user = bot.user('Medewerker Demo');
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        ...bot.baseActivity({ id: user.conversationId, conversationType: 'personal' }, user.from, 'nl-NL'),
        type: 'message',
        text: 'help',
      }),
    });
    expect(res.status).toBe(200);
    expect(cardsOf(bot.messagesIn(user.conversationId))).toHaveLength(1);
  });
});
