/** What a review deck holds, read the way PowerPoint reads it: the zip's slides and charts. */
import JSZip from 'jszip';

export interface DeckContents {
    /** Each slide's text (every `a:t` run, entities decoded), in slide order. */
    slides: string[];
    /** Each slide's XML, in slide order. */
    slideXml: string[];
    /** The chart parts (`ppt/charts/chartN.xml`) by name. */
    charts: Map<string, string>;
}

function decode(text: string): string {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export async function readDeck(bytes: Uint8Array): Promise<DeckContents> {
    const zip = await JSZip.loadAsync(bytes);
    const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);
    const slideFiles = zip.file(/^ppt\/slides\/slide\d+\.xml$/).sort((a, b) => number(a.name) - number(b.name));
    const slideXml = await Promise.all(slideFiles.map((f) => f.async('string')));
    const slides = slideXml.map((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1])).join('\n'));
    const charts = new Map<string, string>();
    for (const f of zip.file(/^ppt\/charts\/chart\d+\.xml$/)) charts.set(f.name, await f.async('string'));
    return { slides, slideXml, charts };
}

/** The slides whose title (the first text) starts with `title`. */
export function slidesTitled(deck: DeckContents, title: string): string[] {
    return deck.slides.filter((s) => s.startsWith(title));
}
