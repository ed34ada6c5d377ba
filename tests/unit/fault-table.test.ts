import fs from 'node:fs';
import { expect, it } from 'vitest';
import { FAULT_TABLE_PATH, faultTable } from '../e2e/fault-table';

it('docs/fault-matrix.md is the table generated from the e2e fault cases (run `npm run fault-table`)', () => {
  expect(fs.readFileSync(FAULT_TABLE_PATH, 'utf8')).toBe(faultTable());
});
