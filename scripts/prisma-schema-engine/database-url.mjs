/** The provider a datasource URL belongs to, or null for a scheme the stand-in does not serve. */
export function providerOfUrl(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return null;
}
