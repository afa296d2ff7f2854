// js-yaml as `require` loads it, for every way journeykit runs (the bundled command, its library
// API and the tests). js-yaml's ES module build creates each parser's state object with object
// spread, which leaves V8 with a slow object shape: its event parser runs three to four times
// slower than the same code in the CommonJS build, whose transpiled spread gives a fast object.
module.exports = require('js-yaml');
