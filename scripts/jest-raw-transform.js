// Jest stand-in for webpack's asset modules: templates become their text, images their file name.
const path = require('node:path');

module.exports = {
  process(source, filename) {
    const value = filename.endsWith('.html') ? source : path.basename(filename);
    return { code: `module.exports = ${JSON.stringify(value)};` };
  }
};
