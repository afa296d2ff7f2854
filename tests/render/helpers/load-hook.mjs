// Module resolution hook that records every module the process loads, one URL a line, in the
// file named by JOURNEYKIT_LOAD_LOG: lets tests check what a command does not load.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.JOURNEYKIT_LOAD_LOG) appendFileSync(process.env.JOURNEYKIT_LOAD_LOG, `${result.url}\n`);
  return result;
}
