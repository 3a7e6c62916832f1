/**
 * Builds the search index over dist/ with Pagefind (its extended build segments Chinese).
 * Runs after every `astro build` (which wipes dist/). Fails the build on any Pagefind error
 * or when it indexed no page, so a broken index never ships silently.
 */
import * as pagefind from 'pagefind';

const site = process.argv[2] ?? 'dist';
const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
if (!index || errors.length > 0) fail(errors);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) fail(added.errors);
if (added.page_count === 0) fail([`no page in ${site}/ has data-pagefind-body: nothing to index`]);
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
if (written.errors.length > 0) fail(written.errors);
await pagefind.close();
console.log(`Pagefind: indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms → ${site}/pagefind/`);

function fail(messages: string[]): never {
  console.error(`搜索索引生成失败 (Pagefind):\n${messages.join('\n')}`);
  process.exit(1);
}
