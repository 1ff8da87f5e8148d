//! Plain text where tables were flattened into lines (a web page copied out, a system's
//! text export): cells separated by `|`, by tabs, or by runs of two or more spaces. A line
//! with two or more cells is a table row; consecutive rows (blank lines between them
//! allowed) are one table. Space-separated rows are placed under the header's columns by
//! where each cell starts, because empty cells (merged level cells) leave no separator.

use super::blocks::{table_block, Block, Cell, Location};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Pipe,
    Tab,
    Spaces,
}

/// One cell of a line and the display column it starts at (CJK characters count 2).
struct Piece {
    text: String,
    start: usize,
}

pub fn from_flat_text(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut rows: Vec<(Vec<Piece>, Sep, usize)> = Vec::new();
    let lines: Vec<&str> = src.split('\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let n = i + 1;
        if is_rule_line(line) {
            continue;
        }
        if line.trim().is_empty() {
            // A blank line ends the table unless a row of the same kind follows.
            let next = lines
                .iter()
                .skip(i + 1)
                .map(|l| l.trim_end_matches('\r'))
                .find(|l| !l.trim().is_empty() && !is_rule_line(l));
            let continues = match (rows.last(), next) {
                (Some((_, sep, _)), Some(l)) => split_line(l).is_some_and(|(_, s)| s == *sep),
                _ => false,
            };
            if !continues {
                flush(&mut rows, &mut blocks);
            }
            continue;
        }
        match split_line(line) {
            Some((pieces, sep)) if rows.last().is_none_or(|(_, s, _)| *s == sep) => {
                rows.push((pieces, sep, n));
            }
            Some((pieces, sep)) => {
                flush(&mut rows, &mut blocks);
                rows.push((pieces, sep, n));
            }
            None => {
                flush(&mut rows, &mut blocks);
                blocks.push(Block::Para {
                    text: line.trim().to_string(),
                    loc: Location::Line(n),
                });
            }
        }
    }
    flush(&mut rows, &mut blocks);
    blocks
}

/// `|---|---|`, `+----+`, `-----`, `====`: drawing, not content.
fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().all(|c| {
            matches!(
                c,
                '-' | '=' | '+' | '|' | ':' | ' ' | '─' | '━' | '┼' | '│' | '—'
            )
        })
        && t.chars().any(|c| matches!(c, '-' | '=' | '─' | '━' | '—'))
}

fn width(c: char) -> usize {
    if (c as u32) >= 0x1100 {
        2
    } else {
        1
    }
}

/// The cells of a line, or `None` when it is a paragraph (fewer than two cells).
fn split_line(line: &str) -> Option<(Vec<Piece>, Sep)> {
    if line.contains('|') || line.contains('｜') {
        // `| a | b |` (Markdown) has a border on both sides; `| b | c` is a row whose
        // first cell is empty (a merged level cell).
        let t = line.trim();
        let bordered =
            t.starts_with(['|', '｜']) && t.ends_with(['|', '｜']) && t.chars().count() > 1;
        let t = if bordered {
            let t = t
                .strip_prefix('|')
                .or_else(|| t.strip_prefix('｜'))
                .unwrap_or(t);
            t.strip_suffix('|')
                .or_else(|| t.strip_suffix('｜'))
                .unwrap_or(t)
        } else {
            t
        };
        let pieces: Vec<Piece> = t
            .split(['|', '｜'])
            .enumerate()
            .map(|(k, s)| Piece {
                text: s.trim().to_string(),
                start: k,
            })
            .collect();
        return (pieces.len() >= 2).then_some((pieces, Sep::Pipe));
    }
    if line.trim_start().contains('\t') {
        let pieces: Vec<Piece> = line
            .split('\t')
            .enumerate()
            .map(|(k, s)| Piece {
                text: s.trim().to_string(),
                start: k,
            })
            .collect();
        // A name row of a flat table keeps its empty cells: `一、某某资金\t\t\t`.
        return (pieces.len() >= 2 && pieces.iter().any(|p| !p.text.is_empty()))
            .then_some((pieces, Sep::Tab));
    }
    let mut pieces = Vec::new();
    let mut col = 0;
    let mut cur = String::new();
    let mut cur_start = 0;
    let mut blanks = 0;
    for c in line.chars() {
        let is_space = c == ' ' || c == '\u{3000}';
        if is_space {
            blanks += if c == ' ' { 1 } else { 2 };
        } else {
            if blanks >= 2 && !cur.is_empty() {
                pieces.push(Piece {
                    text: std::mem::take(&mut cur).trim().to_string(),
                    start: cur_start,
                });
            } else if blanks > 0 && !cur.is_empty() {
                cur.push(' ');
            }
            if cur.is_empty() {
                cur_start = col;
            }
            blanks = 0;
            cur.push(c);
        }
        col += width(c);
    }
    if !cur.is_empty() {
        pieces.push(Piece {
            text: cur,
            start: cur_start,
        });
    }
    (pieces.len() >= 2).then_some((pieces, Sep::Spaces))
}

fn flush(rows: &mut Vec<(Vec<Piece>, Sep, usize)>, blocks: &mut Vec<Block>) {
    let taken = std::mem::take(rows);
    let Some((_, sep, first_line)) = taken.first().map(|(p, s, n)| (p.len(), *s, *n)) else {
        return;
    };
    let columns: Vec<usize> = if sep == Sep::Spaces {
        column_starts(&taken)
    } else {
        Vec::new()
    };
    let mut out: Vec<Vec<Cell>> = Vec::new();
    for (pieces, _, n) in taken {
        let loc = Location::Line(n);
        let cell = |text: String| Cell {
            text,
            loc: loc.clone(),
        };
        if sep != Sep::Spaces || pieces.len() >= columns.len() {
            out.push(pieces.into_iter().map(|p| cell(p.text)).collect());
            continue;
        }
        let mut row: Vec<Cell> = columns.iter().map(|_| cell(String::new())).collect();
        let mut next_free = 0;
        for p in pieces {
            let nearest = columns
                .iter()
                .enumerate()
                .skip(next_free)
                .min_by_key(|(_, s)| s.abs_diff(p.start))
                .map(|(k, _)| k)
                .unwrap_or(next_free);
            if let Some(slot) = row.get_mut(nearest) {
                slot.text = p.text;
            }
            next_free = nearest + 1;
        }
        out.push(row);
    }
    blocks.push(table_block(out, Location::Line(first_line)));
}

/// The column starts of a space-separated table: those of its widest row.
fn column_starts(rows: &[(Vec<Piece>, Sep, usize)]) -> Vec<usize> {
    rows.iter()
        .max_by_key(|(p, _, _)| p.len())
        .map(|(p, _, _)| p.iter().map(|x| x.start).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(b: &Block) -> Vec<Vec<String>> {
        match b {
            Block::Table { rows, .. } => rows
                .iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect())
                .collect(),
            Block::Para { .. } => Vec::new(),
        }
    }

    #[test]
    fn pipes_tabs_and_spaces() {
        let b = from_flat_text("标题\n| a | b |\n|---|---|\n| c |  |\n");
        assert_eq!(cells(&b[1]), [["a", "b"], ["c", ""]]);
        let b = from_flat_text("一级\t二级\t三级\n\t数量\t面积\n");
        assert_eq!(
            cells(&b[0]),
            [["一级", "二级", "三级"], ["", "数量", "面积"]]
        );
        let b = from_flat_text("一级指标  二级指标  三级指标\n          数量指标  面积\n");
        assert_eq!(
            cells(&b[0]),
            [
                ["一级指标", "二级指标", "三级指标"],
                ["", "数量指标", "面积"]
            ]
        );
    }
}
