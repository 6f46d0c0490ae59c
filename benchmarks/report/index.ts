export { renderReport, type Block, type Report } from './html-report.js';
export { benchReport } from './bench-report.js';
export { clvReport, intentReport } from './eval-report.js';
export { reportFor } from './report-for.js';
