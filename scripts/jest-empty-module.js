// Jest stand-in for stylesheets, which only webpack handles.
module.exports = {};
