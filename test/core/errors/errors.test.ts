/**
 * The one family of thrown errors (src/core/errors/errors.ts): each kind has its name, a coded
 * error its catalogue sentence and code, and a wrapped error stays reachable as `cause`.
 */
import { describe, expect, it } from 'vitest';
import { ContentError, LuoshiError, UsageError, coded, withCause } from '../../../src/core/errors/errors.ts';
import { ChartError } from '../../../src/core/present/charts.ts';
import { InboxError } from '../../../office/inbox/inbox-files.ts';

describe('luoshi errors', () => {
  it('name their kind, so a log or a stack says what went wrong', () => {
    expect(new LuoshiError('x').name).toBe('LuoshiError');
    expect(new UsageError('x').name).toBe('UsageError');
    expect(new ContentError([], 'x').name).toBe('ContentError');
    expect(new ChartError('x').name).toBe('ChartError');
    expect(new InboxError('x').name).toBe('InboxError');
    for (const error of [new UsageError('x'), new ContentError([], 'x'), new ChartError('x'), new InboxError('x')])
      expect(error).toBeInstanceOf(LuoshiError);
  });

  it('build a coded error from the catalogue: its code, then the sentence and the hint', () => {
    const error = coded(UsageError, 'LS-CLI-006', { value: '2020-13' });
    expect(error).toBeInstanceOf(UsageError);
    expect(error.code).toBe('LS-CLI-006');
    expect(error.message).toBe('[LS-CLI-006] 月份「2020-13」无效  提示：写作 YYYY-MM，如 2020-07');
  });

  it('keep the error they explain as cause', () => {
    const system = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const error = withCause(coded(LuoshiError, 'LS-CLI-018'), system);
    expect(error.cause).toBe(system);
    expect(new LuoshiError('x', { cause: system }).cause).toBe(system);
    expect(new LuoshiError('x').cause).toBeUndefined();
  });
});
