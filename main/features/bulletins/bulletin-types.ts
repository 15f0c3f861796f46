// The bulletin types moved to shared/domain/ so the renderer's editor uses the same ones; kept here under the old name for the engine's imports.
export * from '../../../shared/domain/bulletins.js';
