/** Dateline's public API: exports only. */
export { build, checkSite, type BuildOptions, type BuildResult, type CheckedSite } from "./build.js";
export { BuildSession } from "./incremental/session.js";
export { extractEntities, type ExtractOptions } from "./entities/extract.js";
export { loadRegistry, registryDigest } from "./entities/registry.js";
export type { ExtractedEntity, RegistryEntry, EntityType } from "./entities/types.js";
