// Stylesheets are imported for their side effect; Vite bundles them into a .css file the page links.
declare module '*.css';
