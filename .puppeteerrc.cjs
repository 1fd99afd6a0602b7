// The browser comes from Debian's chromium (or PUPPETEER_EXECUTABLE_PATH); the registry's
// browser download cannot be fetched here, so puppeteer must not try.
module.exports = { skipDownload: true };
