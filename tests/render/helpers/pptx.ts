import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';

/** One slide of a deck as read back from its XML. */
export interface DeckSlide {
  number: number;
  xml: string;
  /** Each text body (a shape's or a table cell's), its paragraphs joined by spaces. */
  texts: string[];
  /** Every font size set on a run or paragraph, in points. */
  sizes: number[];
  /** The speaker notes, paragraphs joined by line ends. */
  notes: string;
  table: boolean;
  /** Element names used, for the checks that no markup came from the map. */
  elements: Set<string>;
  /** Every attribute value. */
  attributes: string[];
}

export interface Deck {
  slides: DeckSlide[];
  /** The sections of the presentation (one per map in a deck of several). */
  sections: string[];
  /** Every XML part of the file, by path, each checked well-formed. */
  parts: Map<string, string>;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });

/** Nodes of fast-xml-parser's ordered output: `{ name: children, ':@': attributes }` or `{ '#text': text }`. */
function nameOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function walk(nodes: Node[], visit: (name: string, node: Node, children: Node[]) => void): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (!name || name === '#text') continue;
    const children = node[name] as Node[];
    visit(name, node, children);
    walk(children, visit);
  }
}

function textOf(nodes: Node[]): string {
  let out = '';
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text') out += String(node['#text']);
    else if (name) out += textOf(node[name] as Node[]);
  }
  return out;
}

/** The paragraphs of a text body, each the text of its runs. */
function paragraphs(body: Node[]): string[] {
  const out: string[] = [];
  walk(body, (name, _node, children) => {
    if (name !== 'a:p') return;
    let text = '';
    walk(children, (inner, _n, runChildren) => {
      if (inner === 'a:t') text += textOf(runChildren);
    });
    out.push(text);
  });
  return out;
}

export async function readDeck(bytes: Uint8Array): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files).sort()) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${path} is not well-formed XML: ${JSON.stringify(valid)}`);
    parts.set(path, xml);
  }
  const count = [...parts.keys()].filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length;
  const slides: DeckSlide[] = [];
  for (let number = 1; number <= count; number++) {
    const xml = parts.get(`ppt/slides/slide${number}.xml`)!;
    const tree = parser.parse(xml) as Node[];
    const texts: string[] = [];
    const sizes: number[] = [];
    const elements = new Set<string>();
    const attributes: string[] = [];
    let table = false;
    walk(tree, (name, node, children) => {
      elements.add(name);
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      attributes.push(...Object.values(attrs));
      if (name === 'p:txBody' || name === 'a:txBody') texts.push(paragraphs(children).join(' '));
      if ((name === 'a:rPr' || name === 'a:endParaRPr' || name === 'a:defRPr') && attrs.sz !== undefined) sizes.push(Number(attrs.sz) / 100);
      if (name === 'a:tbl') table = true;
    });
    const notesXml = parts.get(`ppt/notesSlides/notesSlide${number}.xml`);
    let notes = '';
    if (notesXml) {
      walk(parser.parse(notesXml) as Node[], (name, node, children) => {
        const attrs = (node[':@'] ?? {}) as Record<string, string>;
        if (name === 'p:sp' && JSON.stringify(children).includes('"type":"body"')) notes = paragraphs(children).join('\n');
        void attrs;
      });
    }
    slides.push({ number, xml, texts, sizes, notes, table, elements, attributes });
  }
  const sections: string[] = [];
  walk(parser.parse(parts.get('ppt/presentation.xml')!) as Node[], (name, node) => {
    if (name === 'p14:section') sections.push(((node[':@'] ?? {}) as Record<string, string>).name ?? '');
  });
  return { slides, sections, parts };
}

/** Text as compared: without any white space, so that line breaks and cut words do not matter. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}
