/**
 * The JSON Schemas of site.json and manifest.json (npm run schemas, tools/schemas.ts):
 * - the committed schemas/ files are what the zod schemas generate now (a change to
 *   src/core/content/schema.ts without `npm run schemas` fails here);
 * - the content files name them in "$schema" by a path that resolves, and the loader ignores that key.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/load.ts';
import { schemaReference } from '../../office/scaffold.ts';
import { SCHEMAS_DIR, jsonSchemas } from '../../tools/schemas.ts';
import { SHIZHONG_2020 } from '../fixtures/bundled.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';

const ROOT = path.resolve(__dirname, '../..');

describe('schemas/', () => {
  it('holds exactly what npm run schemas generates from the zod schemas', () => {
    const generated = jsonSchemas();
    expect([...generated.keys()].sort()).toEqual(['manifest.schema.json', 'site.schema.json']);
    expect(readdirSync(SCHEMAS_DIR).sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated)
      expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'), `schemas/${name} is stale: run npm run schemas`).toBe(text);
  });

  it('describes the files as the loader reads them: required keys, and "$schema" allowed', () => {
    const site = JSON.parse(jsonSchemas().get('site.schema.json')!);
    expect(site.required).toEqual(['publisher', 'identity', 'office', 'district', 'title']);
    expect(site.properties.$schema).toMatchObject({ type: 'string' });
    expect(site.additionalProperties).toBeUndefined();
    const manifest = JSON.parse(jsonSchemas().get('manifest.schema.json')!);
    // sample_note has a default in zod: a file may leave it out.
    expect(manifest.required).toEqual(['year', 'notice', 'data_date', 'sample']);
    expect(manifest.properties.programme.properties.slug.pattern).toBe('^[a-z0-9]+(-[a-z0-9]+)*$');
  });
});

describe('"$schema" in the content files', () => {
  const named = (root: string) => [
    { file: path.join(root, 'site.json'), kind: 'site' as const },
    ...readdirSync(root)
      .filter((d) => /^\d{4}$/.test(d))
      .map((d) => ({ file: path.join(root, d, 'manifest.json'), kind: 'manifest' as const })),
  ];

  it('the bundled dataset (its test copy) names the schemas by the path from its folder', () => {
    for (const { file, kind } of named(SHIZHONG_2020)) {
      const ref = JSON.parse(readFileSync(file, 'utf8')).$schema;
      expect(ref, file).toBe(schemaReference(path.dirname(file), kind));
      expect(existsSync(path.resolve(path.dirname(file), ref)), file).toBe(true);
    }
  });

  it('content/ names schemas that exist, where it names one', () => {
    for (const { file } of named(path.join(ROOT, 'content'))) {
      const ref = JSON.parse(readFileSync(file, 'utf8')).$schema;
      if (ref !== undefined) expect(existsSync(path.resolve(path.dirname(file), ref)), `${file}: ${ref}`).toBe(true);
    }
  });

  it('is accepted and ignored by the loader', () => {
    const root = makeContent();
    for (const name of ['site.json', '2020/manifest.json']) {
      const file = path.join(root, name);
      writeFileSync(file, JSON.stringify({ $schema: 'schemas/x.json', ...JSON.parse(readFileSync(file, 'utf8')) }));
    }
    const result = loadContent(root, { today: TODAY });
    expect(result.issues).toEqual([]);
    expect(result.dataset!.site).not.toHaveProperty('$schema');
    expect(result.dataset!.years[0].manifest).not.toHaveProperty('$schema');
  });
});
