// journeykit drives a browser already on the machine (see src/render/browser);
// it never downloads one, so puppeteer's install step must not try.
module.exports = { skipDownload: true };
