import { defineConfig } from "vitest/config";

// TZ is pinned in the npm script too; setting it here keeps `npx vitest` honest.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
