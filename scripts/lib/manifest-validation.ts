/** Offline validation of the Teams app manifest and its language files against the schemas bundled in @microsoft/app-manifest. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/**
 * Microsoft's localization schema has two patternProperties with an unescaped "]" that is invalid in a
 * unicode regular expression (ajv compiles with the `u` flag): escape it, as a non-unicode RegExp reads it.
 */
function repairPatterns(schema: Record<string, unknown>): Schema {
  const pp = schema.patternProperties as Record<string, unknown> | undefined;
  if (!pp) return schema as unknown as Schema;
  const fixed = Object.fromEntries(Object.entries(pp).map(([k, v]) => [k.replace(/\\b\]/g, '\\b\\]'), v]));
  return { ...schema, patternProperties: fixed } as unknown as Schema;
}

export interface ManifestCheck {
  manifest: TeamsManifest;
  languageFiles: string[];
  problems: string[];
}

export async function validateManifest(manifest: TeamsManifest, dir: string): Promise<ManifestCheck> {
  const problems = (await AppManifestUtils.validateAgainstSchema(manifest)).map((p) => `manifest.json${p}`);
  const info = (manifest as { localizationInfo?: { additionalLanguages?: { file: string }[] } }).localizationInfo;
  const languageFiles = info?.additionalLanguages?.map((l) => l.file) ?? [];
  for (const file of languageFiles) {
    const strings = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as { $schema?: string };
    if (!strings.$schema) {
      problems.push(`${file}: has no $schema`);
      continue;
    }
    const schema = repairPatterns((await AppManifestUtils.fetchSchema(strings.$schema)) as unknown as Record<string, unknown>);
    problems.push(...(await AppManifestUtils.validateAgainstSchema(strings as unknown as TeamsManifest, schema)).map((p) => `${file}${p}`));
  }
  return { manifest, languageFiles, problems };
}
