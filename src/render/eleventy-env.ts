/**
 * Set before Eleventy loads (render/eleventy.ts imports this module first). Eleventy registers
 * a Node module-loader hook as it loads, so that its own watch mode can import JavaScript
 * files again after they change (11ty/eleventy#3270). Dateline renders Nunjucks templates
 * through Eleventy and imports no JavaScript of the user's through it, while the hook sends
 * every later import through a loader thread: about a tenth of a second of CPU in a build
 * after one edit, and again in each page worker thread. Eleventy's documented switch
 * (11ty/eleventy#3371) turns it off; a value already in the environment is left as it is.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
