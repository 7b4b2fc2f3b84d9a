// `cem analyze` (run by `npm run build`) writes custom-elements.json from the components' JSDoc.
// src/components/med7-ner/manifest.test.ts fails `npm test` when the committed file is stale.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  // package.json names the manifest already; never let the analyzer rewrite package.json.
  packagejson: false,
};
