// Jest stand-in for `import './x.css'`: styles are not applied in jsdom.
module.exports = {};
