// The organisation profile relevance is scored against, kept in settings with a version: saving a new
// profile bumps the version, and items scored with an older one are re-scored in the background.
import { EMPTY_PROFILE, RelevanceProfileSchema, type RelevanceProfile, type StoredProfile } from '../../../shared/domain/relevance.js';
import type { Connection, ReadDb } from '../../db/database.js';

export const PROFILE_SETTING = 'profile';

export type { StoredProfile };

export async function readProfile(db: ReadDb): Promise<StoredProfile> {
  const row = await db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [PROFILE_SETTING]);
  if (!row) return { profile: EMPTY_PROFILE, version: 0 };
  const stored = JSON.parse(row.value_json) as { profile?: unknown; version?: unknown };
  const parsed = RelevanceProfileSchema.safeParse(stored.profile);
  // A profile written by a newer version or edited by hand is ignored rather than trusted half-way.
  return {
    profile: parsed.success ? parsed.data : EMPTY_PROFILE,
    version: typeof stored.version === 'number' && Number.isInteger(stored.version) ? stored.version : 0,
  };
}

export async function saveProfile(db: Connection, profile: RelevanceProfile, now: () => Date = () => new Date()): Promise<StoredProfile> {
  const clean = RelevanceProfileSchema.parse(profile);
  return db.withTransaction(async (tx) => {
    const current = await readProfile(tx);
    const next = { profile: clean, version: current.version + 1 };
    await tx.run(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
      [PROFILE_SETTING, JSON.stringify(next), now().toISOString()],
    );
    return next;
  });
}
