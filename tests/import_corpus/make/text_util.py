"""Plain-text pages: tables flattened the ways people copy them (pipes, tabs, runs of spaces,
and the Word-to-text export the seed came in)."""


def write_lines(path, lines, newline="\n"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(newline.join(lines) + newline)


def export_rows(rows):
    """Word's text export: each cell on its own line after a tab, a blank line after each row;
    further paragraphs of a cell follow on lines of their own without the tab."""
    out = []
    for cells in rows:
        for cell in cells:
            out.append("\t" + cell)
        out.append("")
    return out
