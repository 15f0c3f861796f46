// The one place a call from a renderer enters main, whatever carried it (IPC or the HTTP shell): the input
// is parsed with the channel's schema, the handler runs, and every outcome becomes a CallResult. Known
// failures get their own code; anything else is logged here and reported without internals.
import { contract, type Channel } from '../shared/ipc/contract.js';
import { fail, ok, type CallResult } from '../shared/ipc/result.js';
import { UnknownUploadError, type Handlers } from './handlers.js';
import { ItemNotFoundError } from './features/triage/items-repository.js';
import { UnsafeUrlError } from './links/external-url.js';
import { TooManyViewsError } from './features/search/saved-views-repository.js';
import { InvalidColumnMappingError } from './features/import/column-mappings-repository.js';
import { ImportAlreadyUndoneError, ImportNotFoundError } from './features/import/import-history-repository.js';
import { BulletinStateError, InvalidBulletinInputError } from './features/bulletins/bulletin-service.js';
import { PdfPrinterUnavailableError, PrintDialogUnavailableError } from './bulletin-handlers.js';
import { BulletinNotFoundError } from './features/bulletins/bulletins-repository.js';
import { InvalidNumberFormatError } from './features/bulletins/bulletin-numbering.js';
import { BulkBatchNotFoundError, InvalidBulkIdsError } from './features/triage/bulk-update-repository.js';
import { InvalidAnnotationError } from './features/annotations/annotations-repository.js';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(handlers: Handlers, channel: Channel, raw: unknown): Promise<CallResult<unknown>> {
  const parsed = contract[channel].input.safeParse(raw);
  if (!parsed.success) {
    return fail(
      'invalid-input',
      `invalid input for ${channel}`,
      parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`),
    );
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ItemNotFoundError || error instanceof ImportNotFoundError) return fail('not-found', error.message);
    if (error instanceof ImportAlreadyUndoneError || error instanceof TooManyViewsError) return fail('conflict', error.message);
    if (error instanceof UnsafeUrlError || error instanceof InvalidColumnMappingError || error instanceof UnknownUploadError) {
      return fail('invalid-input', error.message);
    }
    if (error instanceof BulletinNotFoundError) return fail('not-found', error.message);
    if (error instanceof BulkBatchNotFoundError) return fail('not-found', error.message);
    if (error instanceof InvalidBulkIdsError) return fail('invalid-input', error.message);
    if (error instanceof BulletinStateError) return fail('conflict', error.message);
    // Not a failure of the app: this window has no printer of that kind, and the message says what to do.
    if (error instanceof PdfPrinterUnavailableError || error instanceof PrintDialogUnavailableError) return fail('conflict', error.message);
    if (error instanceof InvalidBulletinInputError || error instanceof InvalidNumberFormatError) return fail('invalid-input', error.message);
    if (error instanceof InvalidAnnotationError) return fail('invalid-input', error.message);
    console.error(`[triage-desk] ${channel} failed:`, error);
    return fail('internal', `${channel} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}
