// Deterministic cost of real computation (issue 5): a TypeScript transformer that makes
// student and harness code count its own work. Every loop body and every function body
// starts with `__interleave_tick(weight, line)`; the runtime adds `weight` cost units to the
// running thread and charges them as CPU time on a virtual core at its next scheduling
// point (grader/runtime/costs.ts). The same ticks bound a runaway loop: `for (;;) {}`
// exhausts the CPU budget and ends the schedule deterministically instead of tripping the
// isolate's wall-clock watchdog.
//
// `__interleave_tick` is a parameter of the module factory (transpile.ts factorySource), not
// a global: the program cannot reach or replace it, and identifiers starting with
// `__interleave` are rejected at compile time so it cannot be shadowed or reassigned either.
// Inserted nodes carry no source positions, so the source map still maps every original
// node to its own line (trace lines stay right).

import ts from "typescript";

export const TICK = "__interleave_tick";
export const RESERVED_PREFIX = "__interleave";

export interface ReservedUse {
  line: number;
  column: number;
  name: string;
}

/**
 * Weight of a body: its statements, not counting those inside nested loops or functions
 * (they tick on their own). A loop iteration that runs five statements costs five units.
 */
function weightOf(body: ts.Node): number {
  let n = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isIterationStatement(node, false)) {
      n++;
      return;
    }
    if (isCountedStatement(node)) n++;
    ts.forEachChild(node, visit);
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  else visit(body);
  return Math.max(1, n);
}

function isCountedStatement(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.EmptyStatement:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
      return false;
    default:
      return node.kind >= ts.SyntaxKind.FirstStatement && node.kind <= ts.SyntaxKind.LastStatement;
  }
}

/** The transformer and the reserved names it found (a compile error when any). */
export function instrumenter(reserved: ReservedUse[]): ts.TransformerFactory<ts.SourceFile> {
  return (context) => {
    const f = context.factory;
    return (file) => {
      const lineOf = (node: ts.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      const tickCall = (weight: number, line: number): ts.Expression =>
        f.createCallExpression(f.createIdentifier(TICK), undefined, [
          f.createNumericLiteral(weight),
          f.createNumericLiteral(line),
        ]);
      const tickStatement = (weight: number, line: number): ts.Statement =>
        f.createExpressionStatement(tickCall(weight, line));

      /** `{ tick; ...statements }`, keeping a directive prologue ("use strict") first. */
      const prepend = (block: ts.Block, weight: number, line: number): ts.Block => {
        const statements = [...block.statements];
        let i = 0;
        while (
          i < statements.length &&
          ts.isExpressionStatement(statements[i]!) &&
          ts.isStringLiteral((statements[i] as ts.ExpressionStatement).expression)
        )
          i++;
        statements.splice(i, 0, tickStatement(weight, line));
        return f.updateBlock(block, statements);
      };

      const loopBody = (body: ts.Statement, original: ts.Statement): ts.Statement => {
        const weight = weightOf(original);
        const line = lineOf(original);
        if (ts.isBlock(body)) return prepend(body, weight, line);
        return f.createBlock([tickStatement(weight, line), body], true);
      };

      const visit = (node: ts.Node): ts.Node => {
        if (ts.isIdentifier(node) && node.text.startsWith(RESERVED_PREFIX)) {
          const pos = file.getLineAndCharacterOfPosition(node.getStart(file));
          reserved.push({ line: pos.line + 1, column: pos.character + 1, name: node.text });
        }
        const visited = ts.visitEachChild(node, visit, context);
        switch (visited.kind) {
          case ts.SyntaxKind.ForStatement: {
            const s = visited as ts.ForStatement;
            return f.updateForStatement(
              s,
              s.initializer,
              s.condition,
              s.incrementor,
              loopBody(s.statement, (node as ts.ForStatement).statement),
            );
          }
          case ts.SyntaxKind.ForOfStatement: {
            const s = visited as ts.ForOfStatement;
            return f.updateForOfStatement(
              s,
              s.awaitModifier,
              s.initializer,
              s.expression,
              loopBody(s.statement, (node as ts.ForOfStatement).statement),
            );
          }
          case ts.SyntaxKind.ForInStatement: {
            const s = visited as ts.ForInStatement;
            return f.updateForInStatement(
              s,
              s.initializer,
              s.expression,
              loopBody(s.statement, (node as ts.ForInStatement).statement),
            );
          }
          case ts.SyntaxKind.WhileStatement: {
            const s = visited as ts.WhileStatement;
            return f.updateWhileStatement(
              s,
              s.expression,
              loopBody(s.statement, (node as ts.WhileStatement).statement),
            );
          }
          case ts.SyntaxKind.DoStatement: {
            const s = visited as ts.DoStatement;
            return f.updateDoStatement(s, loopBody(s.statement, (node as ts.DoStatement).statement), s.expression);
          }
          case ts.SyntaxKind.FunctionDeclaration: {
            const s = visited as ts.FunctionDeclaration;
            if (!s.body) return s;
            return f.updateFunctionDeclaration(
              s,
              s.modifiers,
              s.asteriskToken,
              s.name,
              s.typeParameters,
              s.parameters,
              s.type,
              entry(s.body, node),
            );
          }
          case ts.SyntaxKind.FunctionExpression: {
            const s = visited as ts.FunctionExpression;
            return f.updateFunctionExpression(
              s,
              s.modifiers,
              s.asteriskToken,
              s.name,
              s.typeParameters,
              s.parameters,
              s.type,
              entry(s.body, node),
            );
          }
          case ts.SyntaxKind.MethodDeclaration: {
            const s = visited as ts.MethodDeclaration;
            if (!s.body) return s;
            return f.updateMethodDeclaration(
              s,
              s.modifiers,
              s.asteriskToken,
              s.name,
              s.questionToken,
              s.typeParameters,
              s.parameters,
              s.type,
              entry(s.body, node),
            );
          }
          case ts.SyntaxKind.Constructor: {
            const s = visited as ts.ConstructorDeclaration;
            if (!s.body) return s;
            return f.updateConstructorDeclaration(s, s.modifiers, s.parameters, entry(s.body, node));
          }
          case ts.SyntaxKind.GetAccessor: {
            const s = visited as ts.GetAccessorDeclaration;
            if (!s.body) return s;
            return f.updateGetAccessorDeclaration(s, s.modifiers, s.name, s.parameters, s.type, entry(s.body, node));
          }
          case ts.SyntaxKind.SetAccessor: {
            const s = visited as ts.SetAccessorDeclaration;
            if (!s.body) return s;
            return f.updateSetAccessorDeclaration(s, s.modifiers, s.name, s.parameters, entry(s.body, node));
          }
          case ts.SyntaxKind.ArrowFunction: {
            const s = visited as ts.ArrowFunction;
            const original = (node as ts.ArrowFunction).body;
            const body = ts.isBlock(s.body)
              ? entry(s.body, node)
              : f.createParenthesizedExpression(f.createComma(tickCall(1, lineOf(original)), s.body));
            return f.updateArrowFunction(
              s,
              s.modifiers,
              s.typeParameters,
              s.parameters,
              s.type,
              s.equalsGreaterThanToken,
              body,
            );
          }
          default:
            return visited;
        }
      };

      /** A function's entry: one unit (a call), at the line of its body. */
      const entry = (body: ts.Block, original: ts.Node): ts.Block => {
        const originalBody = (original as ts.FunctionLikeDeclaration).body ?? original;
        return prepend(body, 1, lineOf(originalBody));
      };

      return ts.visitEachChild(file, visit, context);
    };
  };
}
