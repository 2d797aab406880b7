// Records the hash of lib/ that keys the build cache (see toolDigest in
// src/cache/cache.ts), so that a cold start does not hash the code. Run by
// `npm run prepare` last, once every file of lib/ is written (the CLI bundle's
// chunks in lib/bundle/ included: the digest hashes every module under lib/).
import { recordToolDigest } from '../lib/cache/cache.js';

recordToolDigest();
