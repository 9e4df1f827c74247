/** See bundle.js. */
export function bundled(entry: string, name: string): URL | null;
