/**
 * Prints the plan ids of a multi-plan project as a JSON array, for a GitHub Actions matrix
 * (examples/two-plants/workflows/plans.yml):
 *
 *   node scripts/plans-matrix.ts                        every plan under plans/
 *   node scripts/plans-matrix.ts --changed origin/main...HEAD   only the plans a change can affect
 *   node scripts/plans-matrix.ts --plans examples/two-plants/plans
 *
 * A change under plans/<id>/ affects that plan; a change anywhere else (the base, the
 * content, the tool) affects every plan (src/plans/plans.ts plansTouchedBy).
 */
import { parseArgs } from 'node:util';
import { PLANS_DIR, changedPaths, listPlans, plansTouchedBy } from '../src/plans/plans.ts';

const { values } = parseArgs({ options: { changed: { type: 'string' }, plans: { type: 'string', default: PLANS_DIR } } });
const cwd = process.cwd();
const known = listPlans(cwd, values.plans);
const ids = values.changed === undefined ? known : plansTouchedBy(changedPaths(cwd, values.changed), known, values.plans);
console.log(JSON.stringify(ids));
