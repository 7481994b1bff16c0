// Migrations are SQL files bundled as strings by Vite's `?raw` suffix.
declare module '*.sql?raw' {
  const sql: string;
  export { sql as default };
}

// Stylesheets are imported for their side effect; Vite bundles them.
declare module '*.css';
