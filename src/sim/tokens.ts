import type { ServiceIdentifier } from 'inversify';
import type { Parameters } from '../models/parameters.ts';
import type { CompiledCatalogue } from '../models/workouts/compile.ts';

/** The parameter set the physiology runs on: the committed PARAMETERS (src/models/parameters.ts) unless the root is given another. */
export const PARAMETER_SET: ServiceIdentifier<Parameters> = Symbol.for('ParameterSet');
/** The compiled workout catalogue. */
export const CATALOGUE: ServiceIdentifier<CompiledCatalogue> = Symbol.for('Catalogue');
