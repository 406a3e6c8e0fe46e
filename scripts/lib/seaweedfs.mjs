// SeaweedFS as the local S3: one `weed server` (master, volume, filer and S3
// gateway) on loopback. Its S3 gateway verifies SigV4 signatures, expiry,
// signed headers and checksums as AWS does, so what passes here passes there.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** Credentials of the local S3 identity: random per data folder, never in the repository. */
function localCredentials(dataDir) {
  const file = path.join(dataDir, 's3-credentials.json');
  if (!existsSync(file)) {
    const credentials = {
      accessKey: randomBytes(10).toString('hex').toUpperCase(),
      secretKey: randomBytes(24).toString('base64url'),
    };
    writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * A `security.toml` giving the S3 gateway its SSE-S3 master key (random per data folder, kept
 * with the data it encrypts), so `x-amz-server-side-encryption: AES256` works as on AWS.
 */
function sseConfigDir(dir) {
  const file = path.join(dir, 'security.toml');
  if (!existsSync(file)) writeFileSync(file, `[s3.sse]\nkek = "${randomBytes(32).toString('hex')}"\n`, { mode: 0o600 });
  return dir;
}

/**
 * The arguments for `weed server` with its S3 gateway on `s3Port`; the master,
 * volume and filer take the three ports after it (and, as SeaweedFS does,
 * every gRPC port is 10000 above its HTTP port). Returns the credentials the API must use.
 */
export function seaweedArgs({ dataDir, s3Port }) {
  const dir = path.join(dataDir, 'seaweedfs');
  mkdirSync(dir, { recursive: true });
  const credentials = localCredentials(dataDir);
  const config = path.join(dir, 's3-identities.json');
  // One identity with rights on every bucket; anonymous requests get nothing (the bucket stays private).
  const identities = [{ name: 'doctime', credentials: [credentials], actions: ['Admin', 'Read', 'List', 'Tagging', 'Write'] }];
  writeFileSync(config, JSON.stringify({ identities }), { mode: 0o600 });
  const logs = path.join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const args = [
    // Its logs go to files (`.data/*/seaweedfs/logs`), not the test or start output.
    '-alsologtostderr=false',
    '-stderrthreshold=FATAL',
    `-logdir=${logs}`,
    `-config_dir=${sseConfigDir(dir)}`,
    'server',
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-dir=${dir}`,
    `-master.port=${s3Port + 1}`,
    `-volume.port=${s3Port + 2}`,
    `-filer.port=${s3Port + 3}`,
    '-master.volumeSizeLimitMB=64',
    '-volume.max=0',
    '-s3',
    `-s3.port=${s3Port}`,
    // No Iceberg or Lance catalogue listeners (fixed ports that two stacks would fight over).
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.config=${config}`,
  ];
  return { args, credentials };
}

/**
 * Creates the bucket (once), lets the web app's origin PUT and GET through
 * presigned URLs, and returns once an object write succeeds: the first write
 * waits for the filer's lock ring, which forms some seconds after start.
 */
export async function prepareBucket({ endpoint, bucket, credentials, webOrigin }) {
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: credentials.accessKey, secretAccessKey: credentials.secretKey },
  });
  // The gateway answers before the filer is ready: each step is retried for a while.
  const retried = async (command, done = () => false) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.send(command);
      } catch (error) {
        if (done(error)) return;
        if (attempt >= 60) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  try {
    await retried(new CreateBucketCommand({ Bucket: bucket }), (error) =>
      ['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes(error.name),
    );
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: [webOrigin],
              AllowedMethods: ['GET', 'PUT', 'HEAD'],
              AllowedHeaders: ['*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 3000,
            },
          ],
        },
      }),
    );
    const probe = { Bucket: bucket, Key: 'startup-probe' };
    await retried(new PutObjectCommand({ ...probe, Body: 'ready' }));
    await client.send(new DeleteObjectCommand(probe));
  } finally {
    client.destroy();
  }
}
