// Local S3-compatible server (s3rver) for development and tests: a private
// bucket with CORS so browsers can PUT/GET through presigned URLs.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import S3rver from 's3rver';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4569' },
    dir: { type: 'string', default: '.data/s3' },
    bucket: { type: 'string', default: 'doctime' },
    origin: { type: 'string', default: '*' },
  },
});
mkdirSync(values.dir, { recursive: true });

const cors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>${values.origin}</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

const server = new S3rver({
  port: Number(values.port),
  address: '127.0.0.1',
  directory: values.dir,
  silent: true,
  configureBuckets: [{ name: values.bucket, configs: [cors] }],
});
await server.run();
console.log(`s3rver listening on 127.0.0.1:${values.port}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
