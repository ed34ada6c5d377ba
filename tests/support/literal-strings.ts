import ts from 'typescript';

// What a user reads, as a component would write it literally: text between tags, and the
// attributes a browser shows or reads aloud. Code-ish strings (ids, classes, keys) are elsewhere.
const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'aria-description', 'label']);

/** Letters in it: words, not punctuation like "·" or " — ". */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

function stringValue(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => span.literal.text).join(' ');
  if (ts.isJsxExpression(node)) return stringValue(node.expression);
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression);
  if (ts.isConditionalExpression(node)) return [stringValue(node.whenTrue), stringValue(node.whenFalse)].filter(Boolean).join(' ') || null;
  if (ts.isBinaryExpression(node)) {
    // What can be shown: both sides of `+`, `||` and `??`, the right of `&&`; never a comparison's operands.
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return stringValue(node.right);
    if (![ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(operator)) return null;
    return [stringValue(node.left), stringValue(node.right)].filter(Boolean).join(' ') || null;
  }
  return null;
}

/** "file:line text" for every literal user-facing string in a component file. */
export function userFacingLiterals(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const where = (node: ts.Node) => `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${where(node)} ${node.text.trim()}`);
    else if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText())) {
      const value = stringValue(node.initializer);
      if (value !== null && hasWords(value)) found.push(`${where(node)} ${node.getText()}`);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const value = stringValue(node.expression);
      if (value !== null && hasWords(value)) found.push(`${where(node)} ${value}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
