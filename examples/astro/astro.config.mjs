// An Astro site around the policy that policyc built (see README.md and src/policy.mjs).
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { publishedFiles } from './src/policy.mjs';

/** Copies the policy's other pages (versions, changelog, redlines, translations, feed, stylesheets) into the built site. */
const policyPages = {
  name: 'policyc-pages',
  hooks: {
    'astro:build:done': ({ dir }) => {
      for (const [from, to] of publishedFiles()) cpSync(from, fileURLToPath(new URL(to, dir)), { recursive: true });
    },
  },
};

export default defineConfig({
  site: 'https://www.example.com',
  integrations: [policyPages],
});
