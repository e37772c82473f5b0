/**
 * A unified diff (as `diff -u` prints it) between two texts, for `flinkcheck check --fix-dry-run`.
 * Lines are compared with Myers' O(ND) algorithm after trimming the common prefix and suffix, so
 * the few lines fixes change cost little even in large files.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  const hunks = toHunks(ops, context);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const hunk of hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@`);
    for (const op of hunk.ops) {
      const line = op.kind === 'keep' ? a[op.a]! : op.kind === 'delete' ? a[op.a]! : b[op.b]!;
      const prefix = op.kind === 'keep' ? ' ' : op.kind === 'delete' ? '-' : '+';
      out.push(prefix + line.text);
      if (!line.newline) out.push('\\ No newline at end of file');
    }
  }
  return out.join('\n') + '\n';
}

interface Line {
  readonly text: string;
  readonly newline: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), newline: true });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), newline: false });
  return lines;
}

type Op = { kind: 'keep'; a: number; b: number } | { kind: 'delete'; a: number; b: number } | { kind: 'insert'; a: number; b: number };

function same(x: Line, y: Line): boolean {
  return x.text === y.text && x.newline === y.newline;
}

function diffLines(a: readonly Line[], b: readonly Line[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix]!, b[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && same(a[a.length - 1 - suffix]!, b[b.length - 1 - suffix]!)) suffix++;
  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: 'keep', a: i, b: i });
  ops.push(...myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix), prefix));
  for (let i = suffix; i > 0; i--) ops.push({ kind: 'keep', a: a.length - i, b: b.length - i });
  return ops;
}

/** Myers' greedy shortest edit script; offsets are added to the line indexes. */
function myers(a: readonly Line[], b: readonly Line[], offset: number): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x]!, b[y]!)) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: 'keep', a: x + offset, b: y + offset });
    }
    if (d === 0) break;
    if (down) {
      y--;
      ops.push({ kind: 'insert', a: x + offset, b: y + offset });
    } else {
      x--;
      ops.push({ kind: 'delete', a: x + offset, b: y + offset });
    }
  }
  return ops.reverse();
}

interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  ops: Op[];
}

function toHunks(ops: readonly Op[], context: number): Hunk[] {
  const changed = ops.map((op, i) => (op.kind === 'keep' ? -1 : i)).filter((i) => i >= 0);
  const hunks: Hunk[] = [];
  let i = 0;
  while (i < changed.length) {
    let from = Math.max(0, changed[i]! - context);
    let to = Math.min(ops.length - 1, changed[i]! + context);
    let j = i + 1;
    while (j < changed.length && changed[j]! - context <= to + 1) {
      to = Math.min(ops.length - 1, changed[j]! + context);
      j++;
    }
    const slice = ops.slice(from, to + 1);
    const first = slice[0]!;
    hunks.push({
      oldStart: first.a + 1,
      oldCount: slice.filter((o) => o.kind !== 'insert').length,
      newStart: first.b + 1,
      newCount: slice.filter((o) => o.kind !== 'delete').length,
      ops: slice,
    });
    from = 0;
    i = j;
  }
  return hunks;
}

function range(start: number, count: number): string {
  // diff -u writes an empty range as the line before it.
  return count === 0 ? `${start - 1},0` : count === 1 ? `${start}` : `${start},${count}`;
}
