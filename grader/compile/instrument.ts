// Deterministic cost of real computation (issues 5 and 9): a TypeScript transformer that makes
// student and harness code count its own work. Every loop body, every function body and the
// module's top level start with `__interleave_tick(weight, line)`; the runtime adds `weight`
// cost units to the running thread and charges them as CPU time on a virtual core at its
// next scheduling point (grader/engine/costs.ts). The same ticks bound a runaway loop:
// `for (;;) {}` exhausts the CPU budget and ends the schedule deterministically instead of
// tripping the isolate's wall-clock watchdog.
//
// A weight counts statements, and long expressions by their operations (issue 9): a
// statement is one unit up to OPS_PER_UNIT operations (calls, arithmetic, comparisons,
// conditionals; not loads) and one more unit per OPS_PER_UNIT operations beyond, so a
// kernel written as one long expression costs about what its statements cost. What
// built-ins compute (sort, map, JSON, regular expressions, ...) is charged by the size of
// their input at run time (grader/engine/builtin-costs.ts).
//
// `__interleave_tick` is a variable of a closure around the module's function
// (transpile.ts factorySource), not a global and not a parameter: the program cannot reach
// it through `arguments`, and identifiers starting with `__interleave` are rejected at
// compile time so it cannot be named, shadowed or reassigned either (eval, the one way to
// name a variable from a string, is not available in the sandbox).
// Inserted nodes carry no source positions, so the source map still maps every original
// node to its own line (trace lines stay right).

import ts from "typescript";
import { OPS_PER_UNIT } from "../engine/costs";

export const TICK = "__interleave_tick";
export const RESERVED_PREFIX = "__interleave";

export interface ReservedUse {
  line: number;
  column: number;
  name: string;
}

/** Units for `ops` operations of one statement (or expression): at least one. */
function unitsFor(ops: number, opsPerUnit: number): number {
  return Math.max(1, Math.ceil(ops / opsPerUnit));
}

/**
 * An operation of an expression: what computes, as opposed to naming a variable, a literal,
 * a property or an element (loads). Plain `=` and the comma are not counted (the statement is).
 */
function isOperation(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.PostfixUnaryExpression:
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.DeleteExpression:
      return true;
    case ts.SyntaxKind.PrefixUnaryExpression:
      // `-1` is a literal, not a negation the program computes.
      return !ts.isNumericLiteral((node as ts.PrefixUnaryExpression).operand);
    case ts.SyntaxKind.BinaryExpression: {
      const op = (node as ts.BinaryExpression).operatorToken.kind;
      return op !== ts.SyntaxKind.EqualsToken && op !== ts.SyntaxKind.CommaToken;
    }
    default:
      return false;
  }
}

/**
 * Weight of a body (a block, a module, or an arrow function's expression): its statements,
 * not counting those inside nested loops or functions (they tick on their own), each one
 * unit per OPS_PER_UNIT operations of its own expressions, at least one. A loop iteration
 * that runs five short statements costs five units. `header` is what a loop evaluates on
 * every iteration besides its body (a condition, an increment): it adds only when it is
 * longer than OPS_PER_UNIT operations, so `for (let i = 0; i < n; i++)` costs nothing more.
 */
export function weightOf(
  body: ts.Node,
  header: readonly (ts.Node | undefined)[] = [],
  opsPerUnit: number = OPS_PER_UNIT,
): number {
  let total = 0;
  /** Operations of `node`'s own expressions; statements inside it are added to `total`. */
  const opsIn = (node: ts.Node): number => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return 0;
    if (ts.isIterationStatement(node, false)) {
      total++;
      return 0;
    }
    if (isCountedStatement(node)) {
      let own = 0;
      ts.forEachChild(node, (child) => {
        own += opsIn(child);
      });
      total += unitsFor(own, opsPerUnit);
      return 0;
    }
    let ops = isOperation(node) ? 1 : 0;
    ts.forEachChild(node, (child) => {
      ops += opsIn(child);
    });
    return ops;
  };
  if (ts.isBlock(body) || ts.isSourceFile(body)) ts.forEachChild(body, opsIn);
  else if (isCountedStatement(body) || ts.isIterationStatement(body, false)) opsIn(body);
  else total += unitsFor(opsIn(body), opsPerUnit);
  let headerOps = 0;
  for (const h of header) if (h) headerOps += opsIn(h);
  if (headerOps > 0) total += unitsFor(headerOps, opsPerUnit) - 1;
  return Math.max(1, total);
}

function isDirective(node: ts.Node): boolean {
  return ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression);
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

export interface InstrumentOptions {
  /**
   * Benchmarks only (bench/perf-instrumentation.ts): the weights before issue 9 — statements
   * only, one unit per call, no tick at a module's top level — to measure what the new ones
   * cost in real time.
   */
  statementsOnly?: boolean;
}

/** The transformer and the reserved names it found (a compile error when any). */
export function instrumenter(
  reserved: ReservedUse[],
  options: InstrumentOptions = {},
): ts.TransformerFactory<ts.SourceFile> {
  const opsPerUnit = options.statementsOnly ? Infinity : OPS_PER_UNIT;
  const weigh = (body: ts.Node, header: readonly (ts.Node | undefined)[] = []): number =>
    weightOf(body, header, opsPerUnit);
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
        while (i < statements.length && isDirective(statements[i]!)) i++;
        statements.splice(i, 0, tickStatement(weight, line));
        return f.updateBlock(block, statements);
      };

      const loopBody = (
        body: ts.Statement,
        original: ts.Statement,
        header: readonly (ts.Node | undefined)[] = [],
      ): ts.Statement => {
        const weight = weigh(original, header);
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
              loopBody(s.statement, (node as ts.ForStatement).statement, [
                (node as ts.ForStatement).condition,
                (node as ts.ForStatement).incrementor,
              ]),
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
              loopBody(s.statement, (node as ts.WhileStatement).statement, [(node as ts.WhileStatement).expression]),
            );
          }
          case ts.SyntaxKind.DoStatement: {
            const s = visited as ts.DoStatement;
            return f.updateDoStatement(
              s,
              loopBody(s.statement, (node as ts.DoStatement).statement, [(node as ts.DoStatement).expression]),
              s.expression,
            );
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
              : f.createParenthesizedExpression(
                  f.createComma(tickCall(options.statementsOnly ? 1 : weigh(original), lineOf(original)), s.body),
                );
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

      /**
       * A function's entry, at the line of its body: the weight of its statements outside
       * nested loops and functions (a call that runs three statements costs three units).
       */
      const entry = (body: ts.Block, original: ts.Node): ts.Block => {
        const originalBody = (original as ts.FunctionLikeDeclaration).body ?? original;
        return prepend(body, options.statementsOnly ? 1 : weigh(originalBody), lineOf(originalBody));
      };

      const visited = ts.visitEachChild(file, visit, context);
      if (options.statementsOnly) return visited;
      // The module's top level runs once, when the module loads: it is computation like any
      // other (a table precomputed there is not free; the runtime charges it to the thread
      // that loads the module, grader/engine/scheduler.ts tick).
      const first = file.statements.find((s) => !isDirective(s));
      const tick = tickStatement(weigh(file), first ? lineOf(first) : 1);
      const statements = [...visited.statements];
      let i = 0;
      while (i < statements.length && isDirective(statements[i]!)) i++;
      statements.splice(i, 0, tick);
      return f.updateSourceFile(visited, statements);
    };
  };
}
