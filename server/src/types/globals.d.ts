/** The package version, inlined by the build. */
declare const CABLEWRIGHT_VERSION: string;
/** The repository root, inlined into test bundles so they find fixtures and the built CLI. */
declare const CABLEWRIGHT_ROOT: string;
