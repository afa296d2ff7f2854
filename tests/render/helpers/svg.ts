/**
 * A small, strict XML reader for the SVG that Mermaid serialises (well-formed XML from the
 * browser's XMLSerializer): elements, attributes and text, entities decoded. Enough to ask "which
 * texts does this drawing show?" without a DOM.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1]?.toLowerCase() === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    const named = NAMED[ref];
    if (named === undefined) throw new Error(`unknown entity ${whole} in SVG`);
    return named;
  });
}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const text = source.slice(i, lt === -1 ? source.length : lt);
    if (text) stack[stack.length - 1]!.children.push(decodeEntities(text));
    if (lt === -1) break;
    if (source.startsWith('<!--', lt)) {
      i = source.indexOf('-->', lt) + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt);
      stack[stack.length - 1]!.children.push(source.slice(lt + 9, end));
      i = end + 3;
    } else if (source.startsWith('<?', lt) || source.startsWith('<!', lt)) {
      i = source.indexOf('>', lt) + 1;
    } else if (source[lt + 1] === '/') {
      const end = source.indexOf('>', lt);
      const name = source.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}> (open: ${open?.name})`);
      i = end + 1;
    } else {
      const tag = /^<([^\s/>]+)/.exec(source.slice(lt))!;
      const element: XmlElement = { name: tag[1]!, attributes: {}, children: [] };
      let j = lt + tag[0].length;
      const attribute = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      for (;;) {
        attribute.lastIndex = j;
        const m = attribute.exec(source);
        if (!m) throw new Error(`malformed tag at ${lt}: ${source.slice(lt, lt + 80)}`);
        j = attribute.lastIndex;
        if (m[5]) {
          stack[stack.length - 1]!.children.push(element);
          if (m[5] === '>') stack.push(element);
          break;
        }
        element.attributes[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
      }
      i = j;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root;
}

export function* elements(node: XmlElement): Generator<XmlElement> {
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    yield child;
    yield* elements(child);
  }
}

/** The text an element shows, a line break (`<br>`) counting as a space. Styles are not text. */
export function textContent(node: XmlElement): string {
  if (node.name === 'style') return '';
  if (node.name === 'br') return ' ';
  return node.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every distinct text an element of the drawing shows, white space normalised. */
export function svgTexts(svg: string): Set<string> {
  const texts = new Set<string>();
  for (const element of elements(parseXml(svg))) {
    const text = normalizeSpace(textContent(element));
    if (text) texts.add(text);
  }
  return texts;
}
