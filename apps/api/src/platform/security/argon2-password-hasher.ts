import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function makeArgon2PasswordHasher() {
  return {
    hash: (password: string) => hash(password, options),
    async verify(passwordHash: string, password: string) {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}
