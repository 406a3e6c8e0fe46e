export * from './errors.ts';
export * from './common.ts';
export * from './identity.ts';
export * from './files.ts';
export * from './doctors.ts';
export * from './scheduling.ts';
export * from './appointments.ts';
export * from './endpoints.ts';
