import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isReadPermission, permissionTable, roleMay, type Permission } from '../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

/**
 * Enforces the policy table on every route. A route that names no permission, or a write
 * route that names a read permission, is a programming error and stops the server at
 * start-up, so none can slip through unguarded.
 */
export const access = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: Permission } | undefined)?.permission;
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!permission || !(permission in permissionTable)) {
      throw new Error(`Route ${route.method} ${route.url} names no permission from the policy table`);
    }
    const methods = [route.method].flat();
    if (isReadPermission(permission) && methods.some((method) => method !== 'GET' && method !== 'HEAD')) {
      throw new Error(`Route ${methods.join(',')} ${route.url} changes something under the read permission ${permission}`);
    }
  });

  // Before validation, so that a stranger learns nothing about an endpoint's schema.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (!permission || permissionTable[permission] === 'public') return;
    if (!request.user) throw new AppError(AppErrorCode.Unauthorized, errorText.unauthorized);
    if (!roleMay(request.user.role, permission)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  });
});
