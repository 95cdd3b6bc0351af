import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Logins hash with scrypt at OWASP strength (~0.3 s each, several seconds on a 2-core machine
    // that runs a second CI beside this one), and a setup signs in several accounts.
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
