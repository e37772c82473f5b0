import type { Expression } from './nodes.js';

/** The AND-ed parts of a condition, left to right: `a AND (b AND c)` -> [a, b, c]. Iterative: chains can be long. */
export function conjuncts(expr: Expression): Expression[] {
  const out: Expression[] = [];
  const stack: Expression[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'Binary' && e.op === 'AND') stack.push(e.right, e.left);
    else out.push(e);
  }
  return out;
}
