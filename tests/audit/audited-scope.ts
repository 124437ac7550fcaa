import ts from "typescript";

/**
 * The scope rules of the every-write-audited scan (tests/audit/every-write-audited.test.ts): which
 * `tx` a write is on, and where an `AuditedTx` is built. Plain TypeScript AST, no type checker:
 * every rule here fails closed (an unknown binding is "other", so the write is reported).
 */

/**
 * A write on `tx` (or `<scope>.tx`) is audited when the nearest binding of that name is the
 * audited scope itself: a parameter typed `AuditedTx` or auditedChange's callback parameter (or
 * the `tx` destructured from one). Any nearer binding (a parameter of another type, a
 * `const`/`let`/`var`, a function or class of that name) is some other transaction.
 * `const { tx } = scope` and `const tx = scope.tx` pass the question on to `scope`.
 */
export function isAudited(write: ts.CallExpression): boolean {
  const model = (write.expression as ts.PropertyAccessExpression).expression as ts.PropertyAccessExpression;
  const receiver = model.expression;
  if (ts.isIdentifier(receiver)) return receiver.text === "tx" && denotes(receiver.text, write) === "tx";
  return (
    ts.isPropertyAccessExpression(receiver) &&
    receiver.name.text === "tx" &&
    ts.isIdentifier(receiver.expression) &&
    denotes(receiver.expression.text, write) === "scope"
  );
}

/** What `name`, as seen from `at`, is: an audited scope, its `tx`, or anything else. */
type Denotation = "scope" | "tx" | "other";

function denotes(name: string, at: ts.Node, depth = 0): Denotation {
  if (depth > 8) return "other";
  for (let node: ts.Node | undefined = at.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node) && !ts.isSourceFile(node)) continue;
    const [only, ...more] = declarationsIn(node, name);
    if (only) return more.length === 0 ? denotesDeclaration(only, name, depth) : "other";
    if (ts.isSourceFile(node)) return "other";
    const parameter = node.parameters.find((p) => boundNames(p.name).includes(name));
    if (parameter) return isAuditedScopeParameter(node, parameter) ? denotesBinding(parameter.name, name) : "other";
  }
  return "other";
}

/** Every declaration of `name` in this function (or file) outside nested functions: fails closed on block scoping. */
function declarationsIn(scope: ts.SignatureDeclaration | ts.SourceFile, name: string): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && boundNames(node.name).includes(name)) found.push(node);
    const named = ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isImportSpecifier(node);
    if (named && node.name?.text === name) found.push(node);
    if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) node.forEachChild(visit);
  };
  const body = ts.isSourceFile(scope) ? scope : "body" in scope ? scope.body : undefined;
  body?.forEachChild(visit);
  return found;
}

/** `const { tx } = scope` and `const tx = scope.tx` are the scope's `tx`; any other declaration is not. */
function denotesDeclaration(declaration: ts.Node, name: string, depth: number): Denotation {
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return "other";
  const init = declaration.initializer;
  if (ts.isIdentifier(declaration.name)) {
    const fromScope =
      ts.isPropertyAccessExpression(init) && init.name.text === "tx" && ts.isIdentifier(init.expression);
    return fromScope && denotes(init.expression.text, declaration, depth + 1) === "scope" ? "tx" : "other";
  }
  if (!ts.isIdentifier(init) || denotes(init.text, declaration, depth + 1) !== "scope") return "other";
  return denotesBinding(declaration.name, name) === "tx" ? "tx" : "other";
}

/** Bound to the whole scope object, or to its `tx` (`{ tx }`, `{ tx: t }`), or to something else in it. */
function denotesBinding(binding: ts.BindingName, name: string): Denotation {
  if (ts.isIdentifier(binding)) return "scope";
  if (!ts.isObjectBindingPattern(binding)) return "other";
  const element = binding.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name);
  const property = element && (element.propertyName ?? element.name);
  return property && ts.isIdentifier(property) && property.text === "tx" && !element.dotDotDotToken ? "tx" : "other";
}

function isAuditedScopeParameter(fn: ts.SignatureDeclaration, parameter: ts.ParameterDeclaration): boolean {
  if (parameter.type) return parameter.type.getText() === "AuditedTx";
  const call = fn.parent;
  return (
    ts.isCallExpression(call) &&
    call.expression.getText() === "auditedChange" &&
    call.arguments.includes(fn as ts.Expression) &&
    fn.parameters[0] === parameter
  );
}

/**
 * Only auditedChange builds an AuditedTx: an object literal with `tx` and `record` (or `tx`
 * beside a spread, which may copy `record`) anywhere else could hand a bare transaction to a
 * helper that trusts its AuditedTx parameter.
 */
export function forgedScopes(node: ts.Node): ts.ObjectLiteralExpression[] {
  const own = ts.isObjectLiteralExpression(node) && looksLikeScope(node) ? [node] : [];
  return [...own, ...node.getChildren().flatMap(forgedScopes)];
}

function looksLikeScope(literal: ts.ObjectLiteralExpression): boolean {
  const names = literal.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ""));
  const spread = literal.properties.some(ts.isSpreadAssignment);
  return names.includes("tx") && (names.includes("record") || spread);
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}
