/**
 * The configuration system: finds the configuration files that apply to a
 * file (`.cablewrightrc.json`, the `cablewright` key of `package.json`),
 * combines them with presets, overrides, extra tables and the editor's
 * settings into the language service's options, and reports what is wrong in
 * them. Host-side: it reads files through a {@link ConfigHost}.
 */
export { PACKAGE_KEY, RC_FILE } from './configFile';
export { describeConfig } from './describe';
export { nodeConfigHost } from './nodeHost';
export { ConfigResolver } from './resolver';
export { configSchema, packageJsonSchema } from './schema';
export { SETTINGS_SOURCE, type AppliedOverride, type ConfigHost, type ConfigProblem, type EditorSettings, type ResolvedConfig, type TableInfo } from './types';
