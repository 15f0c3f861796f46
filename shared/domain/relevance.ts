// The organisation profile relevance is scored against (settings), and what a score is made of. Shared:
// main scores and stores, the renderer edits the profile and shows the matched words.
import { z } from 'zod';
import type { Span } from './facts.js';

const Words = z.array(z.string().trim().min(1).max(100)).max(200);

export const RelevanceProfileSchema = z.strictObject({
  industries: Words,
  products: Words,
  vendors: Words,
  regions: Words,
  keywords: Words,
});

export type RelevanceProfile = z.output<typeof RelevanceProfileSchema>;
export type RelevanceField = keyof RelevanceProfile;
export const RELEVANCE_FIELDS = ['industries', 'products', 'vendors', 'regions', 'keywords'] as const satisfies readonly RelevanceField[];

export const EMPTY_PROFILE: RelevanceProfile = { industries: [], products: [], vendors: [], regions: [], keywords: [] };

export interface RelevanceMatch {
  word: string;
  field: RelevanceField;
  /** Into the item's text (itemText). */
  span: Span;
}

export interface Relevance {
  /** 0–100; 0 when nothing of the profile appears. */
  score: number;
  matches: RelevanceMatch[];
}

/** The profile as stored, with its version (bumped on every save; 0 = never saved, every item scores 0). */
export interface StoredProfile {
  profile: RelevanceProfile;
  version: number;
}
