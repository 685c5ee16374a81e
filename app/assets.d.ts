// Files webpack imports as strings (templates) or URLs (images).
declare module '*.html' {
  const template: string;
  export default template;
}

declare module '*.svg' {
  const url: string;
  export default url;
}
