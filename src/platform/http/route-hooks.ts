import type { RouteOptions } from 'fastify';

type HookName = 'onRequest' | 'preHandler' | 'onSend' | 'onResponse';

/**
 * Adds a hook to one route as an onRoute hook receives it, before or after
 * the route's own hooks of that kind. A platform check that only some routes
 * need (org routes, POSTs) is attached this way rather than as a global hook,
 * so the other routes do not pay for it on every request: an async hook
 * costs a promise and a hop through Fastify's hook runner even when it
 * returns at once.
 */
export function addRouteHook(route: RouteOptions, name: HookName, hook: unknown, at: 'first' | 'last'): void {
  const options = route as unknown as Record<HookName, unknown>;
  const existing = options[name] ? [options[name]].flat() : [];
  options[name] = at === 'first' ? [hook, ...existing] : [...existing, hook];
}
