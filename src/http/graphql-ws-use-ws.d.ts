// graphql-ws 6 publishes `graphql-ws/use/ws` through package.json "exports" only, which this
// project's `moduleResolution: "node"` does not read: its types are taken from the file itself
// (Node resolves the import at run time through "exports", to dist/use/ws.cjs).
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
