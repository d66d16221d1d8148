import { DOMParser as PmDOMParser, type Attrs, type Schema, type TagParseRule } from '@tiptap/pm/model';

/**
 * A ProseMirror DOM parser that tries on each element only the rules that can match its
 * name. ProseMirror tries every tag rule of the schema in turn, with the browser's selector
 * matching, until one matches: 26 rules here, all of them for each <span> or <div> of a
 * page, which no rule takes. For a 4 MB web page (57,000 elements) that was a million
 * selector matches, a fifth of the parse.
 */

/** A selector for one element name, with attribute conditions at most: `p`, `figure[data-figure]`. */
const ONE_NAME = /^([a-z][a-z0-9-]*)(?:\[[^\]]*\])*$/i;

/** The default of each attribute of the rule's node or mark; null when one has none. */
function defaultsOf(schema: Schema, rule: TagParseRule): Attrs | null {
  const type = rule.node ? schema.nodes[rule.node] : rule.mark ? schema.marks[rule.mark] : undefined;
  if (!type) return null;
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(type.spec.attrs ?? {})) {
    if (!('default' in spec)) return null;
    defaults[name] = spec.default;
  }
  return defaults;
}

/** Whether `attrs` (which may name fewer attributes, or others the type ignores) are all the defaults. */
export function onlyDefaults(attrs: Attrs, defaults: Attrs): boolean {
  for (const name of Object.keys(defaults)) {
    const given = attrs[name];
    if (given !== undefined && given !== defaults[name]) return false;
  }
  return true;
}

export class NameIndexedDOMParser extends PmDOMParser {
  private readonly tagRules = this.rules.filter((rule): rule is TagParseRule => 'tag' in rule);
  /** The rules for each element name, in the parser's order; any other selector goes in every list. */
  private readonly rulesByName = new Map<string, readonly TagParseRule[]>();
  private readonly defaultsByRule = new Map<TagParseRule, Attrs | null>();

  /** By the element's name as it has it (`p`, or `foreignObject` in SVG); the selector decides on the case. */
  private rulesFor(name: string): readonly TagParseRule[] {
    let rules = this.rulesByName.get(name);
    if (!rules) {
      const lowerCase = name.toLowerCase();
      rules = this.tagRules.filter((rule) => {
        const named = ONE_NAME.exec(rule.tag)?.[1];
        return named === undefined || named.toLowerCase() === lowerCase;
      });
      this.rulesByName.set(name, rules);
    }
    return rules;
  }

  /**
   * ProseMirror's DOMParser.matchTag (internal, called by its parse for each element) with
   * the same tests in the same order, over the element's own rules.
   */
  matchTag(
    dom: HTMLElement,
    context: { matchesContext(context: string): boolean },
    after?: TagParseRule,
  ): TagParseRule | undefined {
    const rules = this.rulesFor(dom.localName);
    for (let index = after ? rules.indexOf(after) + 1 : 0; index < rules.length; index += 1) {
      const rule = rules[index] as TagParseRule;
      if (!dom.matches(rule.tag)) continue;
      if (rule.namespace !== undefined && dom.namespaceURI !== (rule.namespace ?? null)) continue;
      if (rule.context && !context.matchesContext(rule.context)) continue;
      if (rule.getAttrs) {
        const attrs = rule.getAttrs(dom);
        if (attrs === false) continue;
        rule.attrs = attrs && !this.hasOnlyDefaults(rule, attrs) ? attrs : undefined;
      }
      return rule;
    }
    return undefined;
  }

  /**
   * Tiptap's getAttrs returns a new object for every element, most often empty or all
   * defaults. Given no attributes instead, ProseMirror gives each such node its type's one
   * default attributes object and each such mark its type's one instance: for a 4 MB web
   * page, 31,000 nodes and 16,000 marks that are not each built, compared and rendered
   * (its renderer checks each attributes object it has not seen before) on their own.
   */
  private hasOnlyDefaults(rule: TagParseRule, attrs: Attrs): boolean {
    let defaults = this.defaultsByRule.get(rule);
    if (defaults === undefined) {
      defaults = defaultsOf(this.schema, rule);
      this.defaultsByRule.set(rule, defaults);
    }
    return defaults !== null && onlyDefaults(attrs, defaults);
  }
}
