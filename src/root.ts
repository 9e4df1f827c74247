/**
 * The project's root folder, as a URL ending in '/'. This file sits one folder down from the root,
 * as do the bundles of bin/bundle.js (in .cache/), so the same relative URL holds for both.
 */
export const ROOT: URL = new URL('../', import.meta.url);
