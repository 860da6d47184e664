// POST /api/tasks/import: the ledger import under the path the three-lists issue named.
export { ledgerImportRoute as default } from '../ledger/index.ts';
