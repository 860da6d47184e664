// GET /api/tasks/export.xlsx: the ledger export under the path the three-lists issue named; a
// static route, so it wins over /api/tasks/:id.
export { ledgerExportRoute as default } from '../ledger/index.ts';
