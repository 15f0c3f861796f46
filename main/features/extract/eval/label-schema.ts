import { z } from 'zod';
import { APPI_REASONS } from '../../../../shared/domain/facts.js';
import { CATEGORIES, DATA_TYPES, KINDS } from '../../../../shared/domain/vocabulary.js';

// The shape of a hand-written label file (labels/*.json): one file per sample source, one entry per story.
// A story reaches the importer in several formats (the RSS feed, two CSV lists and a saved page of one month);
// the entry holds what a careful officer reads in it, and `byFile` holds the few facts a format's text lacks
// (a saved page that dropped a mojibake line, a page copy without the feed's date), so a format is never
// expected to yield what its imported text does not contain.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const count = z.number().int().nonnegative().nullable();

/** Several spellings may name one organisation (`象印` / `象印マホービン`); any of them is correct. */
const organization = z.union([z.string().min(1), z.array(z.string().min(1)).min(1), z.null()]);

export const ExpectedFactsSchema = z
  .object({
    kind: z.enum(KINDS),
    category: z.enum(CATEGORIES).nullable(),
    organization,
    publishedAt: isoDate.nullable(),
    occurredAt: isoDate.nullable(),
    detectedAt: isoDate.nullable(),
    reportSeq: z.union([z.number().int().positive(), z.literal('final'), z.null()]),
    caseId: z.string().min(1).nullable(),
    affected: z.object({ people: count, records: count, organizations: count }).strict(),
    dataTypes: z.array(z.enum(DATA_TYPES)),
    cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/)),
    products: z.array(z.string().min(1)),
    /** Key phrases: each cause sentence the extractor returns must contain one (NFKC). */
    causes: z.array(z.string().min(1)),
    countermeasures: z.array(z.string().min(1)),
    appi: z.object({ reportable: z.boolean().nullable(), reasons: z.array(z.enum(APPI_REASONS)) }).strict(),
    disclosureLagDays: z.number().int().nullable(),
  })
  .strict();
export type ExpectedFacts = z.infer<typeof ExpectedFactsSchema>;

export const LabelItemSchema = ExpectedFactsSchema.extend({
  /** The title as the first file of the source imports it. */
  title: z.string().min(1),
  /** Titles the same story has in the source's other files (a page copy drops `【…#2023-268】` and the date). */
  otherTitles: z.array(z.string().min(1)).optional(),
  /** File name → the facts that differ for that file's imported text. */
  byFile: z.record(z.string(), ExpectedFactsSchema.partial()).optional(),
  /** Why a debatable label is what it is. */
  note: z.string().optional(),
}).strict();
export type LabelItem = z.infer<typeof LabelItemSchema>;

export const LabelFileSchema = z
  .object({
    source: z.string().min(1),
    /** The sample files (in ../shared/samples) that carry these stories; every record of each must be labelled. */
    files: z.array(z.string().min(1)).min(1),
    items: z.array(LabelItemSchema).min(1),
  })
  .strict();
export type LabelFile = z.infer<typeof LabelFileSchema>;
