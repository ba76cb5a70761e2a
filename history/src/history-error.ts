/**
 * Something about the repository or a revision the user can fix; said in one line. In a module of
 * its own, without git: the language server tells these errors apart at its start, long before
 * (and whether or not) it reads git, and loading git's process library then cost every start.
 */
export class HistoryError extends Error {}
