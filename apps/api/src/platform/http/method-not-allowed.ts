import { endpoints } from '@doctime/contracts';
import type { RequestHandler } from 'express';
import { AppError } from '../app-error.ts';

interface Declared {
  method: string;
  path: string;
}

/** `/api/v1/doctors/:id/slots` -> a regular expression matching one value per `:param`. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * For a request no route answered: when the API declares its path (by default
 * in the contract's endpoint catalogue) under other methods, 405 with an
 * `Allow` header listing them (HEAD wherever GET is, as Express answers it);
 * otherwise the next handler (404).
 */
export function methodNotAllowed(declared: readonly Declared[] = endpoints): RequestHandler {
  const routes = declared.map((d) => ({ method: d.method.toUpperCase(), pattern: pathPattern(d.path) }));
  return (req, res, next) => {
    const path = req.baseUrl + req.path;
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    if (!methods.size || methods.has(req.method)) return next();
    const allow = [...methods].sort().join(', ');
    res.setHeader('Allow', allow);
    next(new AppError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here. Allowed: ${allow}.`));
  };
}
