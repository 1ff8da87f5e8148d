//! The audit report as one HTML page, with the score report's page head, styles and
//! escaping (`crate::report::html`). Verdict cells carry a class (`v-偏高` …) so a
//! reviewer's eye (and the browser check) finds the rows that are off.

use super::render::Section;
use crate::report::html::{esc, head};

const CSS: &str = ".v-偏高{background:#fde2e1}.v-偏低{background:#fff1cc}.v-无法复核{background:#eceff3}.finding{color:#b42318}section{margin-bottom:2em}";

pub fn html(sections: &[Section]) -> String {
    let mut out = head("自评表复核", CSS);
    out.push_str("<h1>自评表复核</h1>");
    for (i, s) in sections.iter().enumerate() {
        out.push_str(&format!(
            "<section id=\"s{}\" class=\"audit-{}\" data-name=\"{}\"><h2>{}</h2>",
            i + 1,
            s.kind,
            esc(&s.title),
            esc(&s.title)
        ));
        for l in &s.lines {
            let class = if l.starts_with("问题") {
                " class=\"finding\""
            } else {
                ""
            };
            out.push_str(&format!("<p{class}>{}</p>", esc(l)));
        }
        for (h, rows) in &s.tables {
            out.push_str("<table><thead><tr>");
            for c in h {
                out.push_str(&format!("<th>{}</th>", esc(c)));
            }
            out.push_str("</tr></thead><tbody>");
            let verdict_col = h.iter().position(|c| *c == "结论");
            for r in rows {
                let v = verdict_col
                    .and_then(|i| r.get(i))
                    .map(String::as_str)
                    .unwrap_or("");
                let class = if v.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"v-{0}\" data-verdict=\"{0}\"", esc(v))
                };
                out.push_str(&format!("<tr{class}>"));
                for c in r {
                    out.push_str(&format!("<td>{}</td>", esc(c)));
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</section>");
    }
    out.push_str("<footer>按政策重新计分；结论：一致（差额在容差内）、偏高、偏低、无法复核。由 jixiao 生成。</footer></body></html>\n");
    out
}
