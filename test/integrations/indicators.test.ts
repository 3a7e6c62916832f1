/**
 * A site built from a content folder with indicators and monthly values (test/fixtures/indicators.ts)
 * carries them in every form: each quantity's and money's chart on its item page, as an embed page,
 * PNG and SVG (normal and elderly mode), CSV and in the gallery; a standard's table of values; the
 * actuals and indicator-progress downloads, in the zip and the data dictionary; the numbers in the
 * item's feed. The pages with them are valid HTML (W3C Nu HTML Checker, as test/site/html-valid.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIndicatorContent } from '../fixtures/indicators.ts';
import { TODAY } from '../fixtures/content.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'luoshi-indicators-'));
const out = path.join(tmp, 'dist');
const VNU = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

beforeAll(() => {
  execFileSync('astro', ['build', '--outDir', out], {
    env: {
      ...process.env,
      PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
      LUOSHI_TODAY: TODAY,
      LUOSHI_CONTENT: makeIndicatorContent(),
      LUOSHI_CACHE_DIR: path.join(tmp, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: 'pipe',
  });
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a site with indicators', () => {
  it('shows each quantity’s and money’s chart on its item page, with its table, links and citation', () => {
    const page = read('2020/tasks/1/index.html');
    expect(page).toContain('指标逐月完成情况');
    expect(page).toContain('data-chart-id="indicator-2020-t1-1"');
    expect(page).toContain('<caption>2020年主要工作任务第1项：完成投资累计完成情况（单位：亿元）</caption>');
    for (const href of ['/charts/indicator-2020-t1-1.csv', '/charts/indicator-2020-t1-1.png', '/embed/indicator-2020-t1-1/'])
      expect(page).toContain(`href="${href}"`);
    expect(page).toContain('2020年主要工作任务第1项：完成投资累计完成情况[EB/OL]');
    // An item whose only indicator has no value yet shows no such section.
    expect(read('2020/tasks/3/index.html')).not.toContain('指标逐月完成情况');
  });

  it('shows a standard as a table of values, without a rate or a chart', () => {
    const page = read('2020/12100/2/index.html');
    expect(page).toContain('<caption>2020年“12100”民生工程第2项：低保标准（不低于3480元/年/人）</caption>');
    expect(page).toContain('未达到目标');
    expect(page).not.toContain('indicator-2020-p2-1');
  });

  it('writes every chart form: embed page, CSV, PNG and SVG in both modes; the gallery lists them', () => {
    for (const id of ['indicator-2020-t1-1', 'indicator-2020-t2-1', 'indicator-2020-p1-1']) {
      expect(read(`embed/${id}/index.html`)).toContain(`data-chart-id="${id}"`);
      for (const suffix of ['.csv', '.png', '.svg', '.elder.png', '.elder.svg'])
        expect(existsSync(path.join(out, `charts/${id}${suffix}`)), `${id}${suffix}`).toBe(true);
      expect(read('embed/index.html')).toContain(`href="/embed/${id}/"`);
    }
    expect(existsSync(path.join(out, 'embed/indicator-2020-p2-1'))).toBe(false);
    expect(read('charts/indicator-2020-t1-1.csv')).toBe(
      '\uFEFF月份,累计完成（亿元）,序时进度（亿元）,目标（亿元）,完成率\r\n' +
        '2020年1月,0.5,0.83,10,5%\r\n2020年2月,1.2,1.67,10,12%\r\n2020年3月,,2.5,10,\r\n',
    );
  });

  it('publishes the actuals and indicator-progress downloads, in the zip and the data dictionary', () => {
    expect(read('data/2020/actuals.csv')).toContain('T1,1,2020-02,1.2亿元');
    expect(read('data/2020/indicator-progress.csv')).toContain('P1,1,加装电梯,数量,部,60,,2020-01,70,116.7,5,超额完成');
    expect(JSON.parse(read('data/2020/indicator-progress.json')).rows).toHaveLength(5);
    const zip = unzipSync(readFileSync(path.join(out, 'data/luoshi-data.zip')));
    expect(Buffer.from(zip['luoshi-data/2020/indicator-progress.csv']).toString('utf8')).toBe(
      read('data/2020/indicator-progress.csv'),
    );
    expect(Buffer.from(zip['luoshi-data/2020/actuals.json']).toString('utf8')).toBe(read('data/2020/actuals.json'));
    const data = read('data/index.html');
    expect(data).toContain('href="/data/2020/indicator-progress.csv"');
    expect(data).toContain('id="dict-indicator-progress"');
    expect(read('data/dictionary.csv')).toContain('indicator-progress,rate,数值（可空）,完成率（%）');
  });

  it('states the numbers in the item’s feed', () => {
    expect(read('feeds/items/2020-P1.xml')).toContain('加装电梯：累计完成70部，完成率116.7%，超额完成');
  });

  it('is valid HTML where the indicators show', () => {
    const files = [
      '2020/tasks/1/index.html',
      '2020/12100/2/index.html',
      'embed/indicator-2020-t1-1/index.html',
      'embed/index.html',
      'data/index.html',
    ];
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files.map((f) => path.join(out, f))], {
      encoding: 'utf8',
    });
    expect(run.error, 'Java is needed: sudo apt-get install -y default-jre-headless').toBeUndefined();
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
