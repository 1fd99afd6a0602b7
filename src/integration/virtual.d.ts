declare module 'virtual:bcp/site' {
  export const site: import('./site-module.ts').SiteData;
}
