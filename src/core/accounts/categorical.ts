/**
 * A dictionary-encoded text column (segment, classification, owner): one small integer per row and
 * the distinct labels once. Code 0 always means "empty"; labels[0] === ''.
 */
export interface Categorical {
  codes: Uint16Array;
  labels: string[];
}

export const MAX_CATEGORIES = 65535;

export class CategoricalBuilder {
  private codes: Uint16Array;
  private rows = 0;
  readonly labels: string[] = [''];
  private index = new Map<string, number>([['', 0]]);

  constructor(expectedRows = 1024) {
    this.codes = new Uint16Array(Math.max(expectedRows, 16));
  }

  /** Returns the code used, or -1 when the column already holds MAX_CATEGORIES labels. */
  push(label: string): number {
    let code = this.index.get(label);
    if (code === undefined) {
      if (this.labels.length > MAX_CATEGORIES) return this.pushCode(0, -1);
      code = this.labels.length;
      this.labels.push(label);
      this.index.set(label, code);
    }
    return this.pushCode(code, code);
  }

  private pushCode(code: number, result: number): number {
    if (this.rows >= this.codes.length) {
      const grown = new Uint16Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.rows++] = code;
    return result;
  }

  finish(): Categorical {
    return { codes: this.codes.slice(0, this.rows), labels: this.labels.slice() };
  }
}

export function categoryOf(col: Categorical, i: number): string {
  return col.labels[col.codes[i]] ?? '';
}
