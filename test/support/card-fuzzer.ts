import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardActions, cardInputs, cardsOf, type CardNode } from './cards';
import { FakeGraph } from './fake-graph';
import { startTestBot, type TestChannel, type TestUser } from './test-bot';

/**
 * A fuzzer of the running bot: real HTTP to /api/messages, SQLite in a temp folder, the fake Bot
 * Connector and fake Graph on loopback. Every registered verb and typed command is offered to every
 * role of the demo organisation with mutated data: missing and extra fields, wrong types, huge and
 * odd unicode strings, other people's ids and ids of real objects made along the way. A 5xx answer or
 * an error-level log line is a failure; the report names the payload by its shape, never its text.
 */

export interface FuzzOptions {
  seed: number;
  /** Stop after this many payloads… */
  payloads?: number;
  /** …or after this many minutes, whichever comes first. */
  minutes?: number;
  progress?: (done: number) => void;
}

export interface FuzzFailure {
  kind: '5xx' | 'error-log' | 'exception';
  role: string;
  /** The verb or "message", and what was sent, with text replaced by its length. */
  payload: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  payloads: number;
  seconds: number;
  verbs: number;
  commands: number;
  roles: string[];
  byStatus: Record<string, number>;
  /** How many of the registered verbs were sent at least once. */
  verbsSent: number;
  /** A verb that is not a string answered 501: finding 15b, in sec-edge's lane, tolerated until it lands. */
  nonStringVerb501: number;
  failures: FuzzFailure[];
}

/** The demo organisation's roles, each by one person who has it. */
export const fuzzRoles: Record<string, string> = {
  medewerker: 'Medewerker Demo',
  kernteamlid: 'Noor El Amrani',
  programmateam: 'Sanne de Vries',
  coordinator: 'Lotte Visser',
  director: 'Bram Mulder',
  secretaris: 'Mila Jansen',
  digOffice: 'Ravi Baldewsingh',
};

const featuresDir = join(__dirname, '../../src/features');

/** Every Action.Execute verb, from the features' `*.verbs.ts` (objects named `…Verbs`). */
export function registeredVerbs(): string[] {
  const verbs = new Set<string>(['help.show']);
  for (const feature of readdirSync(featuresDir)) {
    const file = join(featuresDir, feature, `${feature}.verbs.ts`);
    let mod: Record<string, unknown>;
    try {
      mod = require(file) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-require-imports
    } catch {
      continue;
    }
    for (const [name, value] of Object.entries(mod))
      if (name.endsWith('Verbs') && value && typeof value === 'object')
        for (const v of Object.values(value)) if (typeof v === 'string') verbs.add(v);
  }
  return [...verbs].sort();
}

/** Typed commands: every anchored pattern in the features' sources, turned into text it accepts. */
export function typedCommands(): string[] {
  const found = new Set<string>(['help', 'hallo', 'stop', '#ABCD', '#ABCD hoi']);
  for (const feature of readdirSync(featuresDir)) {
    const dir = join(featuresDir, feature);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/\/(\^[^\n/]*\$)\/([a-z]*)/g)) {
        let re: RegExp;
        try {
          re = new RegExp(m[1], m[2]);
        } catch {
          continue;
        }
        for (const text of candidates(m[1])) if (re.test(text)) found.add(text);
      }
    }
  }
  return [...found].sort();
}

/** Texts a pattern accepts: each group expanded into its alternatives (innermost first), `?` also empty. */
function candidates(source: string): string[] {
  let variants = [source.replace(/^\^|\$$/g, '').replace(/\\s[+*]?/g, ' ')];
  for (let round = 0; round < 8; round++) {
    const next: string[] = [];
    for (const v of variants) {
      const group = /\((?:\?:)?([^()]*)\)(\?)?/.exec(v);
      if (!group) {
        next.push(v);
        continue;
      }
      const alternatives = group[1].split('|').concat(group[2] ? [''] : []);
      for (const alt of alternatives) next.push(v.replace(group[0], alt));
    }
    variants = next.slice(0, 60);
  }
  return variants.map((v) =>
    v
      .replace(/\\S[+*]?/g, 'S')
      .replace(/\[[^\]]*\](\{\d+(,\d*)?\})?/g, 'ABCD')
      .replace(/[?*+]|\\b/g, '')
      .replace(/\\/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const oddStrings = [
  '',
  ' ',
  '\u0000',
  '💥🏳️‍🌈👩🏽‍💻',
  '\u202Eevil\u202C',
  'a\u200Bb\u200Dc',
  '<at>iedereen</at>',
  '[klik](https://evil.example)',
  '${t.secret}',
  '{{name}}',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30',
  '25:61',
  'https://',
  'javascript:alert(1)',
  'Ⅻ',
  'İı',
];
const oddValues: unknown[] = [
  null,
  0,
  -1,
  1.5,
  Number.MAX_VALUE,
  Number.NaN,
  true,
  false,
  [],
  {},
  ['a'],
  { $ne: '' },
  [[{}]],
];

/** Plausible values for a card's inputs, so forms get past validation and real objects appear. */
function inputValue(input: CardNode, rng: Rng): unknown {
  const id = String(input.id ?? '').toLowerCase();
  const choices = (input.choices as Array<{ value: string }> | undefined) ?? [];
  if (input.type === 'Input.ChoiceSet' && choices.length) return rng.pick(choices).value;
  if (input.type === 'Input.Toggle') return String(input.valueOn ?? 'true');
  if (input.type === 'Input.Date' || id.includes('date')) return '2026-12-10';
  if (input.type === 'Input.Time' || id.includes('time') || id === 'start') return '14:00';
  if (id === 'end') return '16:00';
  if (input.type === 'Input.Number' || id.includes('capacity')) return '5';
  if (id.includes('options')) return 'Ja\nNee\nMisschien';
  if (id.includes('url') || id.includes('link')) return 'https://intranet.example.org/pagina';
  if (input.value !== undefined) return input.value;
  return 'Fuzz tekst voor dit veld';
}

interface Harvested {
  verb: string;
  data: Record<string, unknown>;
}

/** Buttons and ids seen on cards, to click again (as someone else, with other data). */
class Harvest {
  readonly actions: Harvested[] = [];
  readonly ids = new Set<string>();
  private readonly seen = new Set<string>();

  add(card: unknown, rng: Rng): void {
    const inputs = cardInputs(card);
    for (const action of cardActions(card)) {
      if (action.type !== 'Action.Execute' || typeof action.verb !== 'string') continue;
      const data: Record<string, unknown> = { ...(action.data ?? {}) };
      for (const input of inputs) if (typeof input.id === 'string') data[input.id] = inputValue(input, rng);
      for (const [k, v] of Object.entries(data))
        if (typeof v === 'string' && /id$/i.test(k) && v.length <= 120) this.ids.add(v);
      const key = `${action.verb}|${JSON.stringify(action.data ?? {})}`;
      if (this.seen.has(key) || this.actions.length > 5000) continue;
      this.seen.add(key);
      this.actions.push({ verb: action.verb, data });
    }
  }
}

/** Mutates a payload in place of a copy: one to three changes of the kinds the brief lists. */
function mutate(data: Record<string, unknown>, harvest: Harvest, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  const keys = () => Object.keys(out);
  for (let n = rng.int(4); n > 0; n--) {
    const key =
      keys().length && rng.chance(0.8) ? rng.pick(keys()) : rng.pick(['extra', 'id', 'verb', '__proto__']);
    switch (rng.int(8)) {
      case 0:
        delete out[key];
        break;
      case 1:
        out[key] = rng.pick(oddValues);
        break;
      case 2:
        out[key] = 'x'.repeat(rng.pick([4_001, 70_000, 200_000]));
        break;
      case 3:
        out[key] = rng.pick(oddStrings);
        break;
      case 4:
        out[key] = harvest.ids.size ? rng.pick([...harvest.ids]) : '7a11e1b0-0000-4000-8000-000000000001';
        break;
      case 5:
        out[`extra${rng.int(3)}`] = rng.pick(oddStrings);
        break;
      case 6:
        out[key] = rng.pick(
          Object.values(fuzzRoles).map(() => '7a11e1b0-0000-4000-8000-00000000000' + rng.int(10)),
        );
        break;
      default:
        out[key] = `${String(out[key] ?? '')}${rng.pick(oddStrings)}`;
    }
  }
  return out;
}

/** The payload's shape for the report: ids as they are, any other text only by its length. */
export function describePayload(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return /^[A-Za-z0-9._:-]{1,80}$/.test(value) && /\d/.test(value) ? value : `<text ${value.length}>`;
  if (Array.isArray(value)) return depth > 3 ? '<array>' : value.map((v) => describePayload(v, depth + 1));
  if (value && typeof value === 'object')
    return depth > 3
      ? '<object>'
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describePayload(v, depth + 1)]));
  return value;
}

/** Runs the fuzzer; never throws for what it finds, it reports. */
export async function fuzzBot(options: FuzzOptions): Promise<FuzzReport> {
  const rng = prng(options.seed);
  const started = Date.now();
  const limit = options.payloads ?? Number.POSITIVE_INFINITY;
  const deadline = options.minutes ? started + options.minutes * 60_000 : Number.POSITIVE_INFINITY;
  const graph = await FakeGraph.start({
    users: Object.values(fuzzRoles).map((name, i) => ({ id: `fuzz-${i}`, displayName: name })),
  });
  const bot = await startTestBot({ graph });
  const report: FuzzReport = {
    seed: options.seed,
    payloads: 0,
    seconds: 0,
    verbs: 0,
    commands: 0,
    roles: Object.keys(fuzzRoles),
    byStatus: {},
    nonStringVerb501: 0,
    failures: [],
    verbsSent: 0,
  };
  const sent = new Set<string>();
  try {
    const verbs = registeredVerbs();
    const commands = typedCommands();
    report.verbs = verbs.length;
    report.commands = commands.length;
    const users = Object.fromEntries(
      Object.entries(fuzzRoles).map(([role, name]) => [role, bot.user(name)]),
    ) as Record<string, TestUser>;
    const channel = bot.channel('Algemeen');
    await channel.install();
    for (const u of Object.values(users)) await u.install();
    const harvest = new Harvest();
    let logFrom = bot.logsSince(0).next;
    let messagesSeen = 0;

    const check = (role: string, label: string, payload: unknown, status: number, exception?: unknown) => {
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      const shape = JSON.stringify({ what: label, payload: describePayload(payload) }).slice(0, 600);
      const nonStringVerb = label.startsWith('verb:') && label !== 'verb:string';
      if (exception)
        report.failures.push({
          kind: 'exception',
          role,
          payload: shape,
          detail: String(exception).slice(0, 300),
        });
      else if (status === 501 && nonStringVerb) report.nonStringVerb501++;
      else if (status >= 500)
        report.failures.push({ kind: '5xx', role, payload: shape, detail: `HTTP ${status}` });
      const { lines, next } = bot.logsSince(logFrom);
      logFrom = next;
      for (const line of lines) {
        const entry = JSON.parse(line) as {
          level: number;
          msg?: string;
          err?: { name?: string; code?: string };
        };
        if (entry.level >= 50)
          report.failures.push({
            kind: 'error-log',
            role,
            payload: shape,
            detail: `${entry.msg ?? ''} ${entry.err?.name ?? ''} ${entry.err?.code ?? ''}`.trim(),
          });
      }
    };
    const harvestMessages = () => {
      const all = bot.connector.messages();
      for (const r of all.slice(messagesSeen))
        for (const card of cardsOf([r.body as never])) harvest.add(card, rng);
      messagesSeen = all.length;
    };

    const invoke = async (role: string, speaker: TestUser | TestChannel, verb: unknown, data: unknown) => {
      const label = typeof verb === 'string' ? verb : `verb:${verb === null ? 'null' : typeof verb}`;
      sent.add(label);
      try {
        const res = await speaker.invoke(verb as string, data as Record<string, unknown>);
        if (res.card) harvest.add(res.card, rng);
        check(role, label, data, res.status);
      } catch (err) {
        check(role, label, data, 0, err);
      }
    };
    const say = async (role: string, speaker: TestUser | TestChannel, text: string) => {
      try {
        const res = await bot.post({ ...speakerBase(speaker), type: 'message', text });
        check(role, 'message', text, res.status);
      } catch (err) {
        check(role, 'message', text, 0, err);
      }
    };

    // First every role walks its own help card and what it opens, with plausible form values:
    // forms get submitted, so real ateliers, polls, cases, rounds and announcements exist.
    for (const [role, user] of Object.entries(users)) {
      let clicked = harvest.actions.length;
      for (const text of ['help', 'netwerken', 'vertrouwelijk', 'ateliers', 'peilingen'])
        for (const card of cardsOf(await user.say(text))) harvest.add(card, rng);
      // Each new button once, breadth first, a bounded number per role.
      for (let n = 0; n < 30 && clicked < harvest.actions.length; n++, clicked++) {
        const { verb, data } = harvest.actions[clicked];
        await invoke(role, user, verb, data);
        report.payloads++;
      }
    }
    await bot.runDue();
    harvestMessages();

    // Then every verb to every role once: with data seen for it on a card (mutated), or none.
    for (const verb of verbs) {
      const seen = harvest.actions.filter((a) => a.verb === verb);
      for (const [role, user] of Object.entries(users)) {
        if (report.payloads >= limit || Date.now() >= deadline) break;
        const data = seen.length ? mutate(rng.pick(seen).data, harvest, rng) : {};
        await invoke(role, user, verb, data);
        report.payloads++;
      }
    }

    while (report.payloads < limit && Date.now() < deadline) {
      const role = rng.pick(Object.keys(users));
      const user = users[role];
      const speaker = rng.chance(0.1) ? channel.as(user) : user;
      if (rng.chance(0.25)) {
        let text = rng.pick(commands);
        if (rng.chance(0.5))
          text = rng.chance(0.5) ? `${text}${rng.pick(oddStrings)}` : rng.pick(oddStrings) + text;
        if (rng.chance(0.05)) text = `#ABCD ${' '.repeat(rng.pick([4_000, 30_000, 500_000]))}x`;
        await say(role, speaker, text);
      } else if (rng.chance(0.03)) {
        await invoke(role, speaker, rng.pick([null, 42, {}, ['polls.results'], true]), {});
      } else {
        const base: Harvested =
          harvest.actions.length && rng.chance(0.7)
            ? rng.pick(harvest.actions)
            : { verb: rng.pick(verbs), data: {} };
        const data = rng.chance(0.15) ? base.data : mutate(base.data, harvest, rng);
        await invoke(role, speaker, base.verb, rng.chance(0.02) ? rng.pick(oddValues) : data);
      }
      report.payloads++;
      if (report.payloads % 50 === 0) {
        if (rng.chance(0.3)) bot.clock.advance(rng.int(72) * 3_600_000);
        try {
          await bot.runDue();
          check('scheduler', 'jobs', {}, 200);
        } catch (err) {
          check('scheduler', 'jobs', {}, 0, err);
        }
        harvestMessages();
        options.progress?.(report.payloads);
      }
    }
  } finally {
    report.seconds = Math.round((Date.now() - started) / 1000);
    report.verbsSent = registeredVerbs().filter((v) => sent.has(v)).length;
    await bot.stop();
    await graph.stop();
  }
  return report;
}

/** The activity a speaker would send, without going through its helpers (which throw on 4xx). */
function speakerBase(speaker: TestUser | TestChannel): Record<string, unknown> {
  return (speaker as unknown as { activityBase(): Record<string, unknown> }).activityBase();
}

/** One line per finding and a summary, for the CLI and the test's failure message. */
export function formatReport(report: FuzzReport): string {
  const lines = [
    `seed ${report.seed}: ${report.payloads} payloads in ${report.seconds} s; ${report.verbs} verbs ` +
      `(${report.verbsSent} sent), ` +
      `${report.commands} typed commands, roles ${report.roles.join(', ')}`,
    `HTTP status: ${Object.entries(report.byStatus)
      .map(([s, n]) => `${s}×${n}`)
      .join(', ')}`,
    `non-string verb answered 501 (finding 15b, sec-edge): ${report.nonStringVerb501}`,
    `failures: ${report.failures.length}`,
  ];
  const seen = new Set<string>();
  for (const f of report.failures) {
    const key = `${f.kind}|${f.detail}|${f.payload.slice(0, 80)}`;
    if (seen.has(key) || seen.size >= 30) continue;
    seen.add(key);
    lines.push(`  ${f.kind} as ${f.role}: ${f.detail}\n    ${f.payload}`);
  }
  return lines.join('\n');
}
