// The extractor the app runs: the rules of main/features/extract behind the repository's small interface.
import { EXTRACTOR_VERSION, extractFacts } from '../extract/extract-facts.js';
import type { FactExtractor } from './facts-repository.js';

export const defaultExtractor: FactExtractor = { version: EXTRACTOR_VERSION, extract: extractFacts };
