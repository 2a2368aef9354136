/** The figures JSON of the Inzicht tab (`/inzicht/api/figures`), as far as its words go. */
export interface SectionJson {
  id: string;
  title: string;
  figures: Array<{
    id: string;
    title: string;
    description: string;
    reference?: { label: string };
    columns: string[];
    rows: Array<{ label: string }>;
    summary?: string;
  }>;
}

/** Every word a reader sees, keyed by where it is, so two languages or two versions compare place by place. */
export function wordsOf(sections: SectionJson[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sections) {
    out.set(`${s.id} title`, s.title);
    for (const f of s.figures) {
      out.set(`${f.id} title`, f.title);
      out.set(`${f.id} description`, f.description);
      if (f.reference) out.set(`${f.id} reference`, f.reference.label);
      if (f.summary) out.set(`${f.id} summary`, f.summary);
      f.columns.forEach((c, i) => out.set(`${f.id} column ${i}`, c));
      f.rows.forEach((r, i) => out.set(`${f.id} row ${i}`, r.label));
    }
  }
  return out;
}
