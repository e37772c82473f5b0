// Types for the part of @babel/code-frame 7 that flinkcheck uses. The package ships no types and
// @types/babel__code-frame is not a dependency; this mirrors packages/babel-code-frame/src/index.ts.
declare module '@babel/code-frame' {
  export interface Location {
    /** 1-based. */
    line: number;
    /** 1-based, in UTF-16 code units (string indices of the line). */
    column?: number;
  }

  export interface SourceLocation {
    start: Location;
    /** Exclusive end on the same line; on a later line, every line up to it is marked. */
    end?: Location;
  }

  export interface Options {
    highlightCode?: boolean;
    linesAbove?: number;
    linesBelow?: number;
    forceColor?: boolean;
    message?: string;
    /** Line number of the first line of `rawLines` (default 1). */
    startLine?: number;
  }

  export function codeFrameColumns(rawLines: string, location: SourceLocation, options?: Options): string;
}
