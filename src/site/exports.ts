/** The open-data downloads, built once per build from the dataset (its records keep their content rows). */
import { exportFiles, exportZip, type ExportFile } from '../core/publish/export.ts';
import { cachedDeflate } from '../steps/deflate-cache.ts';
import { getDataset } from './data.ts';
import { urls } from './urls.ts';

let files: Map<string, ExportFile> | undefined;
let archive: Uint8Array<ArrayBuffer> | undefined;

/** The zip's name under /data/ (src/pages/data/[archive].zip.ts). */
export const ZIP_BASENAME = 'luoshi-data';
export const ZIP_NAME = `${ZIP_BASENAME}.zip`;

function dataUrl(site: URL | undefined): string | undefined {
  return site ? new URL(urls.data(), site).href : undefined;
}

/** Every download by its path under /data/ (`2020/projects.csv`, `units.json`, `dictionary.csv` …). */
export function getExports(site?: URL): Map<string, ExportFile> {
  files ??= new Map(exportFiles(getDataset(), { dataUrl: dataUrl(site) }).map((f) => [f.path, f]));
  return files;
}

export function getZip(site?: URL): Uint8Array<ArrayBuffer> {
  if (archive) return archive;
  // Each entry's compression from the cache when its bytes have not changed (src/steps/deflate-cache.ts).
  const { deflate, done } = cachedDeflate();
  archive = exportZip(getDataset(), {
    dataUrl: dataUrl(site),
    homeUrl: site ? new URL(urls.home(), site).href : undefined,
    // The same files the download routes serve, made once (1.6 s on the large benchmark dataset).
    files: [...getExports(site).values()],
    deflate,
  });
  done();
  return archive;
}

export function downloadUrl(path: string): string {
  return urls.download(path);
}

export const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
