/**
 * npm run schemas: writes schemas/site.schema.json and schemas/manifest.schema.json, the JSON
 * Schemas of content/site.json and content/<year>/manifest.json, generated from the zod schemas
 * the loader validates with (src/core/content/schema.ts). The files name them in "$schema", so an
 * editor (VS Code and the like) checks them while the office types. test/tools/schemas.test.ts
 * fails when the committed files are not what this generates.
 *
 * The loader stays the authority: the refinements a JSON Schema cannot state (a real date, the
 * footer identity's formats, the feedback template) are checked by `npm run validate` only. The
 * schemas describe the files as written (zod's input side: a field with a default may be left out),
 * and allow other keys, as the loader does (it ignores them; "$schema" is one).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { manifestSchema, siteSchema } from '../src/core/content/schema.ts';

/** The folder of the generated schemas, beside the code. */
export const SCHEMAS_DIR = path.join(import.meta.dirname, '..', 'schemas');

const SCHEMAS = {
  site: { schema: siteSchema, title: 'site.json：站点信息', file: 'content/site.json' },
  manifest: { schema: manifestSchema, title: 'manifest.json：年度说明', file: 'content/<年度>/manifest.json' },
};

/** File name → text of every schema, as `npm run schemas` writes them. */
export function jsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, { schema, title, file }] of Object.entries(SCHEMAS)) {
    const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const properties = generated.properties as Record<string, unknown>;
    const json = {
      $schema: generated.$schema,
      title,
      description: `${file} 的格式（由 src/core/content/schema.ts 生成，npm run schemas；日期、网站标识等的细则由 npm run validate 检查，说明见 docs/FORMATS.md）`,
      ...generated,
      properties: {
        $schema: { type: 'string', description: '本文件格式说明（JSON Schema）的位置，供编辑器检查' },
        ...properties,
      },
    };
    out.set(`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`);
  }
  return out;
}

if (import.meta.main) {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const [name, text] of jsonSchemas()) {
    writeFileSync(path.join(SCHEMAS_DIR, name), text);
    console.log(`schemas/${name}`);
  }
}
