import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Logins hash with scrypt at OWASP strength (~0.3 s each, more on a busy 2-core machine).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
