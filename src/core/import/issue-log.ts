import type { ImportIssue, IssueKind } from './types';

export const DEFAULT_MAX_ISSUES = 100_000;

/**
 * Collects row issues and counts them. A file where every row is wrong would otherwise hold a
 * million issue objects; past `max` they are only counted, and the counts stay exact.
 */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  warnings = 0;
  rejectedIssues = 0;
  omitted = 0;

  constructor(private readonly max = DEFAULT_MAX_ISSUES) {}

  add(row: number, column: string | null, kind: IssueKind, severity: ImportIssue['severity'], message: string, value = ''): void {
    if (severity === 'warning') this.warnings++;
    else this.rejectedIssues++;
    if (this.issues.length >= this.max) {
      this.omitted++;
      return;
    }
    this.issues.push({ row, column, kind, severity, message, value });
  }

  /** Issues in row order; file-level ones (row 0) first. */
  sorted(): ImportIssue[] {
    return this.issues.slice().sort((a, b) => a.row - b.row);
  }
}
