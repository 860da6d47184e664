// `pnpm start`: builds whatever is missing, then serves the web app and the API on one port.
import { ensurePrismaClient, ensureWebBuilt, serve, tsxArgs } from './lib.mjs';

ensurePrismaClient();
ensureWebBuilt();
serve(process.execPath, [...tsxArgs, 'apps/api/src/server.ts'], {
  env: { NODE_ENV: 'production', ...process.env },
});
