import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKeysJson } from '../platform/security/data-keyring.ts';
import { ConfigError, emptyAsUnset, loadConfig } from './config.ts';

const productionEnv = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db.internal:27017/',
  S3_BUCKET: 'doctime-prod',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  SMTP_URL: 'smtps://mail.internal:465',
  JWT_SECRET: 'x'.repeat(40),
  DATA_KEYS: newDataKeysJson('k1'),
};
const { DATA_KEYS: _keys, ...withoutKeys } = productionEnv;

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
      'Refusing to start in production: set MONGODB_URI, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, SMTP_URL, JWT_SECRET, DATA_KEYS (or DATA_KEYS_FILE).',
    );
    expect(() => loadConfig(withoutKeys)).toThrow('Refusing to start in production: set DATA_KEYS (or DATA_KEYS_FILE).');
  });

  it('reads the data keyring from DATA_KEYS or the file DATA_KEYS_FILE names, and refuses an invalid one', () => {
    expect(loadConfig(productionEnv).dataKeys.current).toBe('k1');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'doctime-config-')), 'data-keys.json');
    writeFileSync(file, newDataKeysJson('from-file'));
    const c = loadConfig({ ...withoutKeys, DATA_KEYS_FILE: file });
    expect(c.dataKeys.current).toBe('from-file');
    expect(c.dataKeys.keys.get('from-file')).toHaveLength(32);

    const keyring = JSON.parse(productionEnv.DATA_KEYS) as { current: string; blindIndexKey: string };
    const invalid = [
      ['not json', 'DATA_KEYS is not JSON'],
      [JSON.stringify({ ...keyring, blindIndexKey: 'eA==' }), 'DATA_KEYS: blindIndexKey must be 32 bytes in base64'],
      [JSON.stringify({ ...keyring, current: 'k2' }), 'DATA_KEYS: current the current key must be one of the keys'],
    ] as const;
    for (const [keys, message] of invalid) {
      expect(() => loadConfig({ ...productionEnv, DATA_KEYS: keys }), keys).toThrow(ConfigError);
      expect(() => loadConfig({ ...productionEnv, DATA_KEYS: keys }), keys).toThrow(message);
    }
    expect(() => loadConfig({ ...withoutKeys, DATA_KEYS_FILE: `${file}.missing` })).toThrow(ConfigError);
  });

  it('encrypts stored objects with AES256 in production unless told otherwise, and nowhere else by default', () => {
    expect(loadConfig(productionEnv).s3.sse).toEqual({ algorithm: 'AES256', kmsKeyId: undefined });
    expect(loadConfig({}).s3.sse).toBeUndefined();
    expect(loadConfig({ S3_SSE: 'AES256' }).s3.sse).toEqual({ algorithm: 'AES256', kmsKeyId: undefined });
    const kms = { ...productionEnv, S3_SSE: 'aws:kms', S3_SSE_KMS_KEY_ID: 'alias/doctime' };
    expect(loadConfig(kms).s3.sse).toEqual({ algorithm: 'aws:kms', kmsKeyId: 'alias/doctime' });
    expect(() => loadConfig({ S3_SSE: 'none' })).toThrow(/S3_SSE/);
    expect(() => loadConfig({ ...productionEnv, S3_SSE_KMS_KEY_ID: 'alias/doctime' })).toThrow(/S3_SSE_KMS_KEY_ID/);
  });

  it('runs video calls on the built-in WebRTC with STUN only by default, issues TURN only through a shared secret, and on Zego with both of its keys', () => {
    expect(loadConfig({}).video).toEqual({ webrtc: { iceServers: [] } });
    const turn = {
      ICE_SERVERS: '[{"urls":"stun:turn.example.org:3478"}]',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349',
      TURN_SECRET: 's'.repeat(32),
    };
    expect(loadConfig(turn).video).toEqual({
      webrtc: {
        iceServers: [{ urls: 'stun:turn.example.org:3478' }],
        turn: { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], secret: 's'.repeat(32) },
      },
    });
    // A static TURN password in the browser's list is refused, as are broken JSON and half a pair of settings.
    expect(() => loadConfig({ ICE_SERVERS: '[{"urls":"turn:t:3478","username":"u","credential":"p"}]' })).toThrow(/ICE_SERVERS/);
    expect(() => loadConfig({ ICE_SERVERS: 'stun:t:3478' })).toThrow(/ICE_SERVERS: must be JSON/);
    expect(() => loadConfig({ TURN_URLS: 'turn:t:3478' })).toThrow(/TURN_URLS and TURN_SECRET/);
    expect(() => loadConfig({ ZEGO_APP_ID: '123' })).toThrow(/ZEGO_APP_ID and ZEGO_SERVER_SECRET/);
    expect(() => loadConfig({ ZEGO_APP_ID: '123', ZEGO_SERVER_SECRET: 'short' })).toThrow(/ZEGO_SERVER_SECRET/);
    const zego = loadConfig({ ZEGO_APP_ID: '123', ZEGO_SERVER_SECRET: 'z'.repeat(32) }).video;
    expect(zego.zego).toEqual({ appId: 123, serverSecret: 'z'.repeat(32) });
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
