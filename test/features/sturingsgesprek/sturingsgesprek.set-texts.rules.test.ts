import {
  editorValue,
  mergeText,
  type SetLanguages,
} from '../../../src/features/sturingsgesprek/sturingsgesprek.set-texts.rules';

const rotterdam: SetLanguages = { languages: ['nl', 'en'], defaultLocale: 'nl' };
const gent: SetLanguages = { languages: ['nl-BE', 'en'], defaultLocale: 'nl-BE' };
const genova: SetLanguages = { languages: ['it', 'en'], defaultLocale: 'it' };

describe('question-set texts per language', () => {
  it('a set written in nl and en before: Gent’s nl-BE field shows the Dutch, and saving keeps the Dutch', () => {
    const old = { nl: 'Hoe gaat het?', en: 'How is it going?' };
    expect(editorValue(old, 'nl-BE')).toBe('Hoe gaat het?');
    expect(mergeText({}, 'q_a', old, gent)).toEqual({
      text: { nl: 'Hoe gaat het?', 'nl-BE': 'Hoe gaat het?', en: 'How is it going?' },
    });
    expect(mergeText({ 'q_a_nl-BE': 'Hoe loopt het?' }, 'q_a', old, gent)).toEqual({
      text: { nl: 'Hoe gaat het?', 'nl-BE': 'Hoe loopt het?', en: 'How is it going?' },
    });
  });

  it('an empty field takes the default language’s text; a field not sent keeps the stored one', () => {
    const stored = { it: 'Come va?', en: 'How is it going?' };
    expect(mergeText({ q_a_it: 'Come procede?', q_a_en: ' ' }, 'q_a', stored, genova)).toEqual({
      text: { it: 'Come procede?', en: 'Come procede?' },
    });
    expect(mergeText({ q_a_it: 'Come procede?' }, 'q_a', stored, genova)).toEqual({
      text: { it: 'Come procede?', en: 'How is it going?' },
    });
  });

  it('without a text in the default language it says which language is missing', () => {
    expect(mergeText({ q_a_it: '', q_a_en: 'How?' }, 'q_a', { it: 'Come?', en: 'How?' }, genova)).toEqual({
      missing: 'it',
    });
    expect(mergeText({ new_en: 'Why?' }, 'new', undefined, rotterdam)).toEqual({ missing: 'nl' });
    expect(mergeText({}, 'q_a', { en: 'Only English' }, gent)).toEqual({ missing: 'nl-BE' });
  });
});
