/**
 * Messages given to zod. A schema's error text is rendered from the catalogue (catalogue.ts) and
 * remembered, so a zod issue found while loading is turned back into its code and parameters
 * (the text is what zod carries; two codes never render to the same text, which the catalogue
 * test checks). The schemas and the loader import them from here.
 */
import { LuoshiError } from './base.ts';
import { CATALOGUE, render, renderEntry, type Coded, type IssueCode, type Params, type Placeholders } from './catalogue.ts';

/** For a zod message: the message's placeholders are required, the hint's may wait for the loader (`{columnHint}`). */
type MessageName<C extends IssueCode> = Placeholders<(typeof CATALOGUE)[C]['message']>;
type MessageArgs<C extends IssueCode> = [MessageName<C>] extends [never]
  ? [params?: Partial<Params<C>>]
  : [params: Record<MessageName<C>, string | number> & Partial<Params<C>>];

const zodTexts = new Map<string, { code: IssueCode; params: Record<string, string | number> }>();

/** The message text for a zod schema, remembered with its code. */
export function zodMessage<C extends IssueCode>(code: C, ...params: MessageArgs<C>): string {
  const values = (params[0] ?? {}) as Record<string, string | number>;
  const message = render(CATALOGUE[code].message, values);
  const known = zodTexts.get(message);
  // Two codes with the same text could not be told apart: a programming error, found when the schemas load.
  if (known && known.code !== code)
    throw new LuoshiError(`error catalogue: ${code} and ${known.code} both give zod the message “${message}”`);
  zodTexts.set(message, { code, params: values });
  return message;
}

/**
 * The issue for a zod message: its own code when the schema's message came from the
 * catalogue, else `fallback` with the text as `{detail}` (zod's own wording, e.g. for a
 * missing field of site.json). `extra` fills parameters such as `{columnHint}`.
 */
export function issueFromZod<L extends object>(
  message: string,
  at: L,
  fallback: 'LS-SITE-003',
  extra: Record<string, string> = {},
): L & Coded {
  const known = zodTexts.get(message);
  const code = known?.code ?? fallback;
  const params = known ? { ...extra, ...known.params } : { ...extra, detail: message };
  const { message: text, hint } = renderEntry(code, params);
  return { ...at, code, message: text, ...(hint === undefined ? {} : { hint }) };
}

/** The code a zod message was made from, if it was made from the catalogue. */
export function codeOfZodMessage(message: string): IssueCode | undefined {
  return zodTexts.get(message)?.code;
}
