// Runs TypeScript through tsx's loader with the project's tsconfig (decorators), wherever the
// command is started from: tsx would otherwise look for a tsconfig in the working directory.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
