/**
 * Clean Architecture rules for apps/api, checked by `npm test`:
 * dependencies point inward (http -> application -> domain; infrastructure
 * -> application ports), and modules meet only through application APIs.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only domain code, contracts and small pure libraries',
      severity: 'error',
      from: { path: '^apps/api/src/modules/[^/]+/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^apps/api/src/modules/[^/]+/domain/', '^packages/contracts/', 'node_modules/(@zxcvbn-ts|luxon)/'] },
    },
    {
      name: 'application-stays-inside',
      comment:
        'application/ may use domain, its ports, platform/app-error, platform/side-effect (types), platform/retry and contracts; never http, infrastructure or adapters',
      severity: 'error',
      from: { path: '^apps/api/src/modules/[^/]+/application/' },
      to: {
        path: [
          '^apps/api/src/modules/[^/]+/(http|infrastructure)/',
          '^apps/api/src/platform/(?!app-error|side-effect|retry)',
          '^apps/api/src/main/',
          'node_modules/(express|mongodb|ioredis|nodemailer|@aws-sdk)',
        ],
      },
    },
    {
      name: 'no-reaching-into-other-modules',
      comment: 'a module uses another only through its application API or its index.ts wiring',
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/([^/]+)/(infrastructure|http|domain)/',
        pathNot: '^apps/api/src/modules/$1/',
      },
    },
    {
      name: 'only-main-wires',
      comment: 'nothing but the composition root (and tests) imports main/',
      severity: 'error',
      from: { path: '^apps/api/src/', pathNot: ['^apps/api/src/main/', '^apps/api/src/test-support/', '\\.test\\.ts$'] },
      to: { path: '^apps/api/src/main/' },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      from: { path: '^apps/api/src/platform/' },
      to: { path: '^apps/api/src/modules/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs'],
    },
  },
};
