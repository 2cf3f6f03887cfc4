/** A self-contained HTML feedback page per submission, and an index of all of them. */
import type { SubmissionResult } from '../grade/grade';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;margin:0;font-size:.9rem}.full{color:#176f2c}.lost{color:#a4161a}`;

export function submissionHtml(r: SubmissionResult): string {
  const rows = r.tests.map((t) => `<tr><td><code>${esc(t.name)}</code></td><td class="${t.score === t.max_score ? 'full' : 'lost'}">${t.score} / ${t.max_score}</td><td><pre>${esc(t.output)}</pre></td></tr>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(r.submission)} — ${esc(r.assignment)}</title><style>${STYLE}</style></head>
<body><h1>${esc(r.assignment)}: ${esc(r.submission)}</h1><p><strong>${r.score} / ${r.max_score}</strong> — ${esc(r.output)}</p>
<table><thead><tr><th>function</th><th>score</th><th>feedback</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}

export function indexHtml(results: SubmissionResult[], fileOf: (r: SubmissionResult) => string): string {
  const rows = results.map((r) => `<tr><td><a href="${esc(fileOf(r))}">${esc(r.submission)}</a></td><td class="${r.score === r.max_score ? 'full' : 'lost'}">${r.score} / ${r.max_score}</td></tr>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Grades</title><style>${STYLE}</style></head>
<body><h1>Grades (${results.length} submissions)</h1><table><thead><tr><th>submission</th><th>score</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
