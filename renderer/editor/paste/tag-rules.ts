import { DOMParser as PmDOMParser, type TagParseRule } from '@tiptap/pm/model';

/**
 * A ProseMirror DOM parser that tries on each element only the rules that can match its
 * name. ProseMirror tries every tag rule of the schema in turn, with the browser's selector
 * matching, until one matches: 26 rules here, all of them for each <span> or <div> of a
 * page, which no rule takes. For a 4 MB web page (57,000 elements) that was a million
 * selector matches, a fifth of the parse.
 */

/** A selector for one element name, with attribute conditions at most: `p`, `figure[data-figure]`. */
const ONE_NAME = /^([a-z][a-z0-9-]*)(?:\[[^\]]*\])*$/i;

export class NameIndexedDOMParser extends PmDOMParser {
  private readonly tagRules = this.rules.filter((rule): rule is TagParseRule => 'tag' in rule);
  /** The rules for each element name, in the parser's order; any other selector goes in every list. */
  private readonly rulesByName = new Map<string, readonly TagParseRule[]>();

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
        rule.attrs = attrs || undefined;
      }
      return rule;
    }
    return undefined;
  }
}
