import {
  announcementFormSchema,
  correctionFormSchema,
  errorKeyOf,
} from '../../../src/features/networks/networks.schemas';

const base = {
  kind: 'plain',
  networkId: 'r-pride',
  text: 'Borrel vrijdag',
  toMembers: 'true',
  toChannel: 'false',
};
const keyOf = (data: unknown) => {
  const r = announcementFormSchema.safeParse(data);
  return r.success ? 'ok' : errorKeyOf(r.error);
};

describe('announcement form schema', () => {
  it('accepts a plain announcement from card strings and normalises them', () => {
    const r = announcementFormSchema.parse({
      ...base,
      text: '  regel 1\r\nregel 2  ',
      link: '',
      capacity: '',
      announcementId: '',
    });
    expect(r).toMatchObject({ kind: 'plain', text: 'regel 1\nregel 2', toMembers: true, toChannel: false });
    expect(r.link).toBeUndefined();
    expect(r.announcementId).toBeUndefined();
  });

  it.each([
    ['http://intranet.example.org', 'networks.error.badLink'],
    ['javascript:alert(1)', 'networks.error.badLink'],
    ['https://user:secret@example.org/', 'networks.error.badLink'],
    ['https://example.org/a b', 'networks.error.badLink'],
    ['https://intranet.example.org/pride?x=1', 'ok'],
  ])('link %s → %s', (link, expected) => {
    expect(keyOf({ ...base, link })).toBe(expected);
  });

  it('limits the text to 2000 characters and requires it', () => {
    expect(keyOf({ ...base, text: 'x'.repeat(2000) })).toBe('ok');
    expect(keyOf({ ...base, text: 'x'.repeat(2001) })).toBe('networks.error.textTooLong');
    expect(keyOf({ ...base, text: '   ' })).toBe('networks.error.textMissing');
  });

  it('requires title, date, time and place for a meetup, and a whole positive capacity', () => {
    const meetup = {
      ...base,
      kind: 'meetup',
      title: 'Pride-borrel',
      date: '2026-12-04',
      time: '17:00',
      place: 'Timmerhuis',
    };
    expect(keyOf(meetup)).toBe('ok');
    expect(keyOf({ ...meetup, place: '' })).toBe('networks.error.meetupFieldsMissing');
    expect(keyOf({ ...meetup, capacity: '0' })).toBe('networks.error.badCapacity');
    expect(keyOf({ ...meetup, capacity: '2.5' })).toBe('networks.error.badCapacity');
    expect(announcementFormSchema.parse({ ...meetup, capacity: '25', rsvp: 'true' })).toMatchObject({
      capacity: 25,
      rsvp: true,
    });
    expect(keyOf({ ...meetup, date: '4 december' })).toBe('networks.error.badDateTime');
  });

  it('needs an audience and a valid network id', () => {
    expect(keyOf({ ...base, toMembers: 'false', toChannel: 'false' })).toBe('networks.error.noAudience');
    expect(keyOf({ ...base, networkId: '../x' })).toBe('common.error.invalidInput');
  });

  it('a correction carries the announcement and the revision it was opened on', () => {
    expect(correctionFormSchema.safeParse({ kind: 'plain', text: 'x', baseRevision: '1' }).success).toBe(
      false,
    );
    expect(
      correctionFormSchema.parse({
        kind: 'plain',
        text: 'x',
        baseRevision: '2',
        announcementId: 'nw-1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      }).baseRevision,
    ).toBe(2);
  });
});
