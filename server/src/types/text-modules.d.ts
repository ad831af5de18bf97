/** Data files the build inlines as text (esbuild's `text` loader). */
declare module '*.tsv' {
  const text: string;
  export default text;
}
