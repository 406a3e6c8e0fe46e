import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface S3Settings {
  endpoint: string | undefined;
  /** The address browsers use, when it differs from the API's (local development). */
  publicEndpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Server-side encryption every object is written with (production: at least AES256); none when undefined. */
  sse: { algorithm: 'AES256' | 'aws:kms'; kmsKeyId?: string | undefined } | undefined;
}

/** How objects are encrypted: the SDK's fields, and the same as the headers a presigned upload must carry. */
function encryptionOf(sse: S3Settings['sse']) {
  if (!sse) return { fields: {}, headers: {} };
  const kms = sse.kmsKeyId;
  return {
    fields: { ServerSideEncryption: sse.algorithm, ...(kms ? { SSEKMSKeyId: kms } : {}) },
    headers: {
      'x-amz-server-side-encryption': sse.algorithm,
      ...(kms ? { 'x-amz-server-side-encryption-aws-kms-key-id': kms } : {}),
    } as Record<string, string>,
  };
}

/** Private-bucket storage: presigned URLs for browsers; HEAD checks, server-side copies and deletes for the API. */
export function makeS3ObjectStorage(s: S3Settings) {
  const client = (endpoint: string | undefined) =>
    new S3Client({
      region: s.region,
      ...(endpoint ? { endpoint } : {}),
      forcePathStyle: s.forcePathStyle,
      // The SDK's default signs a CRC32 of the (empty) body into presigned PUTs, which S3
      // then refuses for every real upload: checksums only where an operation requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    });
  const internal = client(s.endpoint);
  const signer = client(s.publicEndpoint ?? s.endpoint);
  const encryption = encryptionOf(s.sse);

  return {
    async presignPut(key: string, contentType: string, size: number, expiresInSeconds: number) {
      const command = new PutObjectCommand({
        Bucket: s.bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: size,
        ...encryption.fields,
      });
      // The encryption headers are signed as headers (not query parameters): an upload without them is refused.
      const url = await getSignedUrl(signer, command, {
        expiresIn: expiresInSeconds,
        signableHeaders: new Set(['content-type', 'content-length', ...Object.keys(encryption.headers)]),
      });
      return { url, headers: { 'Content-Type': contentType, ...encryption.headers } };
    },
    presignGet(key: string, expiresInSeconds: number, downloadName?: string) {
      const command = new GetObjectCommand({
        Bucket: s.bucket,
        Key: key,
        ...(downloadName ? { ResponseContentDisposition: `inline; filename="${downloadName.replace(/["\\]/g, '')}"` } : {}),
      });
      return getSignedUrl(signer, command, { expiresIn: expiresInSeconds });
    },
    async head(key: string): Promise<{ size: number; contentType: string; etag: string } | null> {
      try {
        const res = await internal.send(new HeadObjectCommand({ Bucket: s.bucket, Key: key }));
        return { size: res.ContentLength ?? -1, contentType: (res.ContentType ?? '').toLowerCase(), etag: res.ETag ?? '' };
      } catch (error) {
        if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return null;
        throw error;
      }
    },
    /** Server-side copy in the bucket (metadata, so the content type, comes along; encrypted as configured); the copy's ETag. */
    async copy(fromKey: string, toKey: string): Promise<{ etag: string }> {
      const source = `${s.bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`;
      const res = await internal.send(
        new CopyObjectCommand({ Bucket: s.bucket, Key: toKey, CopySource: source, ...encryption.fields }),
      );
      const etag = res.CopyObjectResult?.ETag;
      if (!etag) throw new Error(`S3 copy to ${toKey} returned no ETag`);
      return { etag };
    },
    /** Deleting a missing object succeeds, as S3 does. */
    async remove(key: string): Promise<void> {
      await internal.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: key }));
    },
    close() {
      internal.destroy();
      signer.destroy();
    },
  };
}
export type ObjectStorageAdapter = ReturnType<typeof makeS3ObjectStorage>;
