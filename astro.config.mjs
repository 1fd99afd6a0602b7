// @ts-check
// `npm run dev` (and `astro check`) read this file; `bcp build` passes the same
// configuration inline with the answers it has checked (src/build/build.ts).
import { siteConfig } from './src/integration/config.ts';

export default siteConfig();
