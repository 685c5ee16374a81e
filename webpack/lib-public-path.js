// The first module of the library's ES5 scripts (webpack/lib.config.js): where Lock's chunk is fetched
// from. Like webpack's publicPath 'auto': the directory of the script running this (document.currentScript,
// or else the last <script src> of the page, as in IE 11). Unlike 'auto', no script URL (a test runner's
// require(), an inline copy) is no error: the chunk is then looked for relative to the page.
var scriptUrl = '';
if (typeof document !== 'undefined') {
  var current = document.currentScript;
  if (current) {
    scriptUrl = current.src || '';
  } else {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0 && !/^https?:/.test(scriptUrl); i--) {
      scriptUrl = scripts[i].src;
    }
  }
}
if (scriptUrl) {
  // webpack's own free variable (the runtime's publicPath), not a global.
  // eslint-disable-next-line no-undef
  __webpack_public_path__ = scriptUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}
