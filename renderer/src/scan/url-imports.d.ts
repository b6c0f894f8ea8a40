// Vite's `?url` imports: the asset's URL inside the built app (never a CDN).
declare module '*?url' {
  const url: string;
  export default url;
}
