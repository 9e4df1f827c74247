import type { ServiceIdentifier } from 'inversify';
import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';

/** The parameter set the physiology runs on (src/models/parameters.ts). */
export const PARAMETERS: ServiceIdentifier<Parameters> = Symbol.for('Parameters');
/** The compiled workout catalogue. */
export const CATALOGUE: ServiceIdentifier<CompiledCatalogue> = Symbol.for('Catalogue');
