import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const roles = [
  'module',
  'verbs',
  'schemas',
  'errors',
  'types',
  'jobs',
  'handlers',
  'service',
  'repository',
  'notifier',
  'access',
  'format',
  'files',
  'rules',
  'metrics',
];
const kebab = '[a-z0-9]+(?:-[a-z0-9]+)*';

function filesUnder(base: string, dir = base): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(base, path) : [relative(base, path)];
  });
}

/** What a file inside a feature folder may be called (docs/architecture.md, "One shape for every feature"). */
function sourceNamePatterns(feature: string): RegExp[] {
  return [
    /^index\.ts$/,
    new RegExp(`^${feature}(?:\\.${kebab})*\\.(?:${roles.join('|')})\\.ts$`),
    new RegExp(`^cards/${kebab}\\.card\\.(?:ts|json)$`),
    /^i18n\/(?:nl|nl-BE|en|it)\.json$/,
    new RegExp(`^templates/${kebab}\\.json$`),
  ];
}

function testNamePatterns(feature: string): RegExp[] {
  return [
    new RegExp(`^${feature}(?:\\.${kebab})*\\.test\\.ts$`),
    new RegExp(`^${feature}(?:\\.${kebab})*\\.(?:fixture|helpers)\\.ts$`),
  ];
}

const features = readdirSync(join(root, 'src/features')).filter((f) =>
  statSync(join(root, 'src/features', f)).isDirectory(),
);

describe('file names follow <feature>[.<part>].<role>.ts', () => {
  it('finds the features', () => {
    expect(features).toEqual(
      expect.arrayContaining(['contact', 'help', 'kennisatelier', 'networks', 'polls', 'sturingsgesprek']),
    );
  });

  it.each(features)('src/features/%s', (feature) => {
    const patterns = sourceNamePatterns(feature);
    const misnamed = filesUnder(join(root, 'src/features', feature)).filter(
      (f) => !patterns.some((p) => p.test(f)),
    );
    expect(misnamed).toEqual([]);
  });

  it.each(features)('src/features/%s has a module, and an index.ts that registers it', (feature) => {
    const files = filesUnder(join(root, 'src/features', feature));
    expect(files).toEqual(expect.arrayContaining(['index.ts', `${feature}.module.ts`]));
  });

  const tested = features.filter((f) => existsSync(join(root, 'test/features', f)));
  it.each(tested)('test/features/%s', (feature) => {
    const patterns = testNamePatterns(feature);
    const misnamed = filesUnder(join(root, 'test/features', feature)).filter(
      (f) => !patterns.some((p) => p.test(f)),
    );
    expect(misnamed).toEqual([]);
  });

  it('the patterns reject the old names', () => {
    const accepted = (f: string) => sourceNamePatterns('polls').some((p) => p.test(f));
    expect(
      [
        'polls.context.ts',
        'polls.model.ts',
        'answer-key.ts',
        'polls.sender.ts',
        'cards/poll-text.ts',
        'cards/admin.cards.ts',
        'Polls.service.ts',
      ].filter(accepted),
    ).toEqual([]);
    expect(
      [
        'polls.module.ts',
        'polls.answer.service.ts',
        'polls.answer-key.rules.ts',
        'cards/poll.card.ts',
        'cards/poll.card.json',
      ].every(accepted),
    ).toBe(true);
  });
});
