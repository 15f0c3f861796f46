// The pairing helper of the contract, in its own module so feature contracts (bulletins-contract.ts) can
// use it without importing contract.ts, which imports them.
import type { z } from 'zod';

/**
 * Pairs an input schema with its output type. Curried so the output is named and the schema inferred:
 * `call<BoardSnapshot>()(BoardLoadInput)`. `output` exists only for the type system.
 */
export const call =
  <O>() =>
  <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
