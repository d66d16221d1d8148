import type { DocxProperties } from './model.js';
import type { DocxPackage } from './package.js';
import { child, childElements, inNamespace, NS, plainAttr, textContent } from './xml.js';

/** The document's properties: its core ones (title, author…) and the custom ones a writer adds. */
export function readProperties(pkg: DocxPackage): DocxProperties {
  const properties: DocxProperties = { custom: {} };
  const core = pkg.related('', 'core-properties');
  const coreRoot = (core && pkg.xml(core.target)?.documentElement) || undefined;
  const fields: [keyof Omit<DocxProperties, 'custom'>, readonly string[], string][] = [
    ['title', NS.dc, 'title'],
    ['subject', NS.dc, 'subject'],
    ['creator', NS.dc, 'creator'],
    ['description', NS.dc, 'description'],
    ['keywords', NS.cp, 'keywords'],
    ['lastModifiedBy', NS.cp, 'lastModifiedBy'],
    ['created', NS.dcterms, 'created'],
    ['modified', NS.dcterms, 'modified'],
  ];
  for (const [key, ns, local] of fields) {
    const value = textContent(child(coreRoot, ns, local)).trim();
    if (value) properties[key] = value;
  }
  const custom = pkg.related('', 'custom-properties');
  const customRoot = custom ? pkg.xml(custom.target)?.documentElement : undefined;
  for (const property of customRoot ? childElements(customRoot) : []) {
    if (!inNamespace(property, NS.customProps) || property.localName !== 'property') continue;
    const name = plainAttr(property, 'name');
    if (name) properties.custom[name] = textContent(property).trim();
  }
  return properties;
}
