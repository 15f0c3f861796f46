// Stylesheets are imported for their side effect; Vite bundles them into a .css file the page links.
declare module '*.css';
// A stylesheet's text (Vite's ?raw), for tests that guard a rule.
declare module '*.css?raw' {
  const text: string;
  export default text;
}
