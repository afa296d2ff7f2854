import { totals, type DiffFormatter } from '../model.js';

/** Machine-readable: each map's changes as the diff model has them, and totals. */
export const json: DiffFormatter = (diffs) =>
  JSON.stringify({ files: diffs.map((d) => ({ old: d.old, new: d.new, changes: d.changes })), totals: totals(diffs) }, null, 2) + '\n';

export default json;
