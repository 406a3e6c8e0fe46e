import { describe, expect, it } from 'vitest';
import { ConfigError, emptyAsUnset, loadConfig } from './config.ts';

const productionEnv = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db.internal:27017/',
  S3_BUCKET: 'doctime-prod',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  SMTP_URL: 'smtps://mail.internal:465',
  JWT_SECRET: 'x'.repeat(40),
};

describe('loadConfig', () => {
  it('runs development with local defaults and generous per-IP limits', () => {
    const c = loadConfig({});
    expect(c.production).toBe(false);
    expect(c.port).toBe(3000);
    expect(c.mongo.uri).toBe('mongodb://127.0.0.1:27017/');
    expect(c.rateLimits.registerIp.points).toBeGreaterThanOrEqual(100);
    expect(c.rateLimits.loginIp.points).toBeGreaterThanOrEqual(300);
    expect(c.rateLimits.loginThrottle).toEqual({ freeAttempts: 5, maxDelaySeconds: 900, forgetAfterSeconds: 86_400 });
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses production without the external services, naming every missing one in one message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Refusing to start in production: set MONGODB_URI, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, SMTP_URL, JWT_SECRET.',
    );
  });

  it('refuses a weak secret and bad values with their names', () => {
    expect(() => loadConfig({ ...productionEnv, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('accepts a complete production configuration with strict limits', () => {
    const c = loadConfig(productionEnv);
    expect(c.production).toBe(true);
    expect(c.rateLimits.registerIp.points).toBeLessThanOrEqual(10);
    expect(c.s3.endpoint).toBeUndefined();
    expect(c.s3.forcePathStyle).toBe(false);
  });

  it('limits are configurable', () => {
    expect(loadConfig({ RATE_LOGIN_IP: '5', RATE_IP_WINDOW: '60' }).rateLimits.loginIp).toEqual({ points: 5, seconds: 60 });
    const c = loadConfig({ RATE_BOOKING_USER: '3', RATE_USER_WINDOW: '30', RATE_SEARCH_AVAILABLE_IP: '2' });
    expect(c.rateLimits.bookingUser).toEqual({ points: 3, seconds: 30 });
    expect(c.rateLimits.searchAvailableIp).toEqual({ points: 2, seconds: 600 });
    expect(() => loadConfig({ RATE_UPLOAD_USER: '0' })).toThrow(/RATE_UPLOAD_USER/);
  });

  it('route budgets are strict in production and generous elsewhere; refresh outlasts login, costly search is smallest', () => {
    const strict = loadConfig(productionEnv).rateLimits;
    const generous = loadConfig({}).rateLimits;
    const routes = ['refreshIp', 'searchIp', 'searchAvailableIp', 'slotsIp', 'bookingUser', 'uploadUser'] as const;
    for (const route of routes) {
      expect(strict[route].points, route).toBeLessThanOrEqual(600);
      expect(generous[route].points, route).toBeGreaterThanOrEqual(10_000);
    }
    expect(strict.refreshIp.points).toBeGreaterThan(strict.loginIp.points * 10);
    expect(strict.searchAvailableIp.points).toBeLessThan(strict.searchIp.points / 5);
  });

  it('without MONGODB_URI uses the local database on MONGO_PORT, as npm start does', () => {
    expect(loadConfig({ MONGO_PORT: '27217' }).mongo.uri).toBe('mongodb://127.0.0.1:27217/');
    expect(loadConfig({ MONGO_PORT: '27217', MONGODB_URI: 'mongodb://db:1/' }).mongo.uri).toBe('mongodb://db:1/');
  });

  it('treats empty values as unset', () => {
    expect(emptyAsUnset({ A: '', B: 'b' })).toEqual({ B: 'b' });
  });
});
