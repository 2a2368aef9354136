import { z } from 'zod';
import { calendarSchema } from './org-calendar.schema';
import { gradeTextProblems, gradesSchema } from './org-grades.schema';
import { baseLocale, locales, type Locale } from '../i18n/locale';

const gradesRequired =
  'say how vacancies are graded: a numeric "scale" or a list of "options" with "bands" ' +
  '(docs/own-panel.md), or false to ask no grade';

/** Text in several UI languages; the organisation's default locale must be present. */
export const localizedText = z.record(
  z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  z.string().min(1).max(2000),
);

/** The organisation's own words, in one language; catalogues write them as `{@panel}`, `{@unit}`, … */
export const termNames = [
  'panel',
  'programme',
  'office',
  'secretary',
  'director',
  'directors',
  'unit',
  'units',
  'kernteam',
  'kernteamMember',
  'kernteamMembers',
  'atelier',
  'ateliers',
] as const;
export type TermName = (typeof termNames)[number];
const term = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^{}#]*$/, 'no braces or # (they have a meaning in messages)');
export const termSet = z
  .object(Object.fromEntries(termNames.map((n) => [n, term])) as Record<TermName, typeof term>)
  .strict();
export type Terms = z.infer<typeof termSet>;
const localeEnum = z.enum(locales);
export type LocalizedText = z.infer<typeof localizedText>;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids use letters, digits, . _ - (max 64)');
const aadObjectId = z.string().uuid('must be an Entra object id (GUID)');

export const personRole = z.enum([
  'programmateam',
  'kernteamlid',
  'gemeentesecretaris',
  'digOffice',
  /** A network member who sits on recruitment (W&S) committees for the panel (meedoen). */
  'wsPanellid',
]);
export type PersonRole = z.infer<typeof personRole>;

const person = z.object({
  aadObjectId,
  name: z.string().min(1).max(200),
  roles: z.array(personRole).default([]),
  /** One line a medewerker sees when choosing a kernteamlid. */
  intro: localizedText.optional(),
});

/** An Entra ID security or Microsoft 365 group; its transitive members hold the role (resolved through Graph). */
const groupId = z.string().uuid('must be an Entra group object id (GUID)');

export const roleGroups = z
  .object({
    programmateam: groupId.optional(),
    kernteamlid: groupId.optional(),
    gemeentesecretaris: groupId.optional(),
    digOffice: groupId.optional(),
    wsPanellid: groupId.optional(),
  })
  .strict()
  .default({});

const network = z.object({
  id,
  name: localizedText,
  description: localizedText,
  coordinators: z.array(aadObjectId).default([]),
  /** Coordinators may also come from a group: its members coordinate beside those listed. */
  coordinatorsGroup: groupId.optional(),
  /** The network's own Teams channel, if the bot is installed there. */
  channelId: z.string().optional(),
});

const cluster = z.object({
  id,
  name: localizedText,
  director: aadObjectId,
  /** Also the director's role for the members of this group (a deputy, an interim), beside `director`. */
  directorGroup: groupId.optional(),
  departments: z.array(z.object({ id, name: localizedText, head: aadObjectId.optional() })).default([]),
});

const referralDestination = z.object({
  id,
  name: localizedText,
  whatTheyDo: localizedText,
  whenToRefer: localizedText,
  howToReach: localizedText,
  url: z.string().url().optional(),
});

export const orgSchema = z
  .object({
    organisation: z.object({
      name: z.string().min(1),
      panelName: localizedText,
      defaultLocale: localeEnum.default('nl'),
      /** The languages people get; others get the default. Unset: the default and English. */
      languages: z.array(localeEnum).min(1).optional(),
      timeZone: z.string().default('Europe/Amsterdam'),
      tenantId: z.string().optional(),
      contactEmail: z.string().email().optional(),
    }),
    /**
     * The organisation's words (panel, programme, office, role titles, the unit word), per offered
     * language; `nl-BE` uses `nl`'s unless given.
     */
    terms: z.record(localeEnum, termSet).default({}),
    people: z.array(person).min(1),
    /** Per role, a group whose members hold it beside the people listed with that role. */
    roleGroups,
    /**
     * New colleagues (optional, off unless set): members of this group get the app installed and the
     * welcome card once, so the panel is known from their first week. Needs Graph, like every group.
     */
    onboardingGroup: groupId.optional(),
    networks: z.array(network).default([]),
    clusters: z.array(cluster).default([]),
    referralDestinations: z.array(referralDestination).min(1),
    formalReporting: z.object({ text: localizedText, url: z.string().url().optional() }),
    urgentHelp: localizedText,
    contactTopics: z.array(z.object({ id, label: localizedText })).min(1),
    /** Coarse topics a kernteamlid files a signal under (never about a person). */
    signalTopics: z.array(z.object({ id, label: localizedText })).default([]),
    /** The kernteam meets every `intervalDays` from `firstDate` at `time`, in the organisation's zone. */
    kernteamMeetings: z
      .object({
        firstDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd'),
        intervalDays: z.number().int().min(1).max(90).default(14),
        time: z
          .string()
          .regex(/^\d{2}:\d{2}$/, 'a time HH:mm')
          .default('15:00'),
      })
      .optional(),
    doorbraken: z
      .array(z.object({ id, title: localizedText, prioritised: z.boolean().default(false) }))
      .default([]),
    /** Where this organisation's sturingsgesprek templates are, relative to the file (default: Rotterdam's). */
    sturingsgesprek: z
      .object({
        templatesDir: z
          .string()
          .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a folder relative to the organisation file')
          .refine((d) => !d.split('/').includes('..'), 'stays beside the organisation file')
          .optional(),
      })
      .default({}),
    /** How vacancies of W&S requests are graded and banded for the figures (docs/own-panel.md). */
    // Required, so that a production file missing it stops the start instead of silently dropping the
    // grade from W&S requests and figures; `false` says on purpose that no grade is asked.
    advies: z
      .object(
        {
          grades: z.union([gradesSchema, z.literal(false)], {
            errorMap: () => ({ message: gradesRequired }),
          }),
        },
        { required_error: `needs "grades": ${gradesRequired}` },
      )
      .strict(),
    settings: z
      .object({
        contactPickupTimeoutMinutes: z.number().int().min(5).max(10_080).default(240),
        contactRetentionDays: z.number().int().min(1).max(3660).default(365),
        /** An open or waiting contact case with no message for this many days is closed (identities removed). */
        contactInactiveCloseDays: z.number().int().min(7).max(365).default(30),
        atelierReminderHoursBefore: z.number().int().min(1).max(168).default(24),
        pollDelayMinutesAfterAtelier: z.number().int().min(0).max(10_080).default(60),
        pollOpenDays: z.number().int().min(1).max(90).default(14),
        networkEarlyAccessHours: z.number().int().min(0).max(720).default(48),
        /** How long coordinators can retract or correct an announcement (and who received it is kept). */
        networkAnnouncementChangeDays: z.number().int().min(1).max(90).default(14),
        sturingsgesprekReminderDays: z.array(z.number().int().min(0).max(60)).default([7, 2, 0]),
        /** How often role groups are read again from Entra ID (also on demand: `rollen verversen`). */
        roleRefreshMinutes: z.number().int().min(1).max(1440).default(15),
        /** A signal's free text is deleted at advice or closure, and at the latest after this many days. */
        signalTextRetentionDays: z.number().int().min(1).max(365).default(90),
        /** A closed signal's record (topic, cluster, status, dates) expires after this; figures stay. */
        signalRecordRetentionDays: z.number().int().min(30).max(3660).default(730),
        /** An open signal without advice after this many days is put on the kernteam agenda. */
        signalAgendaAfterDays: z.number().int().min(1).max(365).default(28),
        /** Months after an advice is given before the requester is asked what was done with it. */
        adviesFollowUpMonths: z.number().int().min(1).max(24).default(3),
        /** Days a closed advice request is kept (its figures stay, without people or text). */
        adviesRetentionDays: z.number().int().min(30).max(3660).default(730),
      })
      .default({}),
    /** Working days, sending window, public holidays and per-person caps (docs/calendar.md). */
    calendar: calendarSchema,
  })
  .superRefine((org, ctx) => {
    const known = new Set(org.people.map((p) => p.aadObjectId));
    const dup = (list: string[], path: string) => {
      const seen = new Set<string>();
      list.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [path, i], message: `duplicate ${v}` });
        seen.add(v);
      });
    };
    dup(
      org.people.map((p) => p.aadObjectId),
      'people',
    );
    dup(
      org.networks.map((n) => n.id),
      'networks',
    );
    dup(
      org.clusters.map((c) => c.id),
      'clusters',
    );
    dup(
      org.doorbraken.map((d) => d.id),
      'doorbraken',
    );
    dup(
      org.signalTopics.map((t) => t.id),
      'signalTopics',
    );
    org.networks.forEach((n, i) =>
      n.coordinators.forEach((c, j) => {
        if (!known.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['networks', i, 'coordinators', j],
            message: 'not in people',
          });
      }),
    );
    org.clusters.forEach((c, i) => {
      if (!known.has(c.director))
        ctx.addIssue({ code: 'custom', path: ['clusters', i, 'director'], message: 'not in people' });
    });
    const locale = org.organisation.defaultLocale;
    if (org.organisation.languages && !org.organisation.languages.includes(locale))
      ctx.addIssue({
        code: 'custom',
        path: ['organisation', 'languages'],
        message: `must include the default locale "${locale}"`,
      });
    for (const language of offeredLanguages(org.organisation))
      if (!termsFor(org.terms, language))
        ctx.addIssue({
          code: 'custom',
          path: ['terms', language],
          message: `missing: the organisation's words in "${language}" (${termNames.join(', ')})`,
        });
    const checkText = (t: LocalizedText, path: (string | number)[]) => {
      // A Flemish organisation may write its texts in Dutch (`nl`): nl-BE reads them.
      if (!t[locale] && !t[baseLocale(locale)])
        ctx.addIssue({ code: 'custom', path, message: `missing the default locale "${locale}"` });
    };
    checkText(org.urgentHelp, ['urgentHelp']);
    checkText(org.formalReporting.text, ['formalReporting', 'text']);
    org.networks.forEach((n, i) => checkText(n.name, ['networks', i, 'name']));
    org.referralDestinations.forEach((r, i) => checkText(r.name, ['referralDestinations', i, 'name']));
    if (org.advies.grades)
      for (const p of gradeTextProblems(org.advies.grades, offeredLanguages(org.organisation)))
        ctx.addIssue({ code: 'custom', path: ['advies', 'grades', ...p.path], message: p.message });
  });

/** The languages an organisation offers: as listed, or its default and English; de-duplicated. */
export function offeredLanguages(o: { defaultLocale: Locale; languages?: readonly Locale[] }): Locale[] {
  return [...new Set(o.languages ?? [o.defaultLocale, 'en' as const])];
}

/** A language's terms; Flemish takes Dutch's unless the file gives its own. */
export function termsFor(terms: Partial<Record<Locale, Terms>>, locale: Locale): Terms | undefined {
  return terms[locale] ?? (locale === 'nl-BE' ? terms.nl : undefined);
}

export type OrgFile = z.output<typeof orgSchema>;
export type Person = OrgFile['people'][number];
export type Network = OrgFile['networks'][number];
export type Cluster = OrgFile['clusters'][number];
export type ReferralDestination = OrgFile['referralDestinations'][number];
