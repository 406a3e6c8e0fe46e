import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../main/config.ts';

/** The test API's bucket seen directly (not through the API), to check what is really stored. */
export function openBucket(settings: Config['s3']) {
  const s3 = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  const Bucket = settings.bucket;
  return {
    async keysUnder(prefix: string) {
      const res = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: prefix }));
      return (res.Contents ?? []).map((o) => o.Key!);
    },
    async headEtag(key: string) {
      return (await s3.send(new HeadObjectCommand({ Bucket, Key: key }))).ETag;
    },
    /** How the object is encrypted at rest (`AES256`, `aws:kms`), as S3 reports it; undefined when it is not. */
    async encryption(key: string) {
      return (await s3.send(new HeadObjectCommand({ Bucket, Key: key }))).ServerSideEncryption;
    },
    /** Written straight to the bucket, bypassing any presigned URL's signed headers. */
    async put(key: string, body: Uint8Array, contentType: string) {
      await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
    },
    close: () => s3.destroy(),
  };
}
export type TestBucket = ReturnType<typeof openBucket>;
