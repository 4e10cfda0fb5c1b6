/** How the quiz cards print a share and a count (shared by the progress and leaderboard cards). */
export const percent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
export const grouped = (n: number): string => n.toLocaleString('en-US');
