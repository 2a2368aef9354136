import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organisation } from '../../platform/org/organisation';
import { questionSetTemplate, type QuestionSetTemplate } from './sturingsgesprek.question-set.schemas';
import { templates as shippedTemplates } from './sturingsgesprek.templates.rules';

/** Every `*.json` in the folder, in name order, validated; a bad or duplicate template names its file. */
export function readTemplatesFolder(dir: string): QuestionSetTemplate[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    throw new Error(`sturingsgesprek templates: cannot read the folder ${dir}`);
  }
  if (!names.length) throw new Error(`sturingsgesprek templates: no .json template in ${dir}`);
  const seen = new Set<string>();
  return names.map((name) => {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`sturingsgesprek templates: ${file} is not valid JSON`);
    }
    const parsed = questionSetTemplate.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new Error(`sturingsgesprek templates: ${file} is invalid: ${where.join('; ')}`);
    }
    if (seen.has(parsed.data.id))
      throw new Error(`sturingsgesprek templates: ${file} repeats the id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

/**
 * The question-set templates of this organisation: the folder its file names, else the shipped ones
 * (Rotterdam's, from the panel's documents). Read once per folder, so an org file that names another
 * folder takes effect on reload without a restart.
 */
export class TemplatesService {
  private cache: { dir: string | undefined; list: readonly QuestionSetTemplate[] } | undefined;

  constructor(private readonly org: Organisation) {}

  list(): readonly QuestionSetTemplate[] {
    const dir = this.org.sturingsgesprekTemplatesDir;
    if (!this.cache || this.cache.dir !== dir)
      this.cache = { dir, list: dir ? readTemplatesFolder(dir) : shippedTemplates };
    return this.cache.list;
  }

  byId(id: string): QuestionSetTemplate | undefined {
    return this.list().find((t) => t.id === id);
  }
}
