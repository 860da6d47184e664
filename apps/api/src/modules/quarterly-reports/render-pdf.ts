import { createRequire } from 'node:module';
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { chartSvg } from './report-charts.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';
import { reportFonts } from './report-fonts.ts';

interface PdfMake {
  fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setProgressCallback(callback: ((share: number) => void) | undefined): void;
  createPdf(document: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

// pdfmake 0.3's server build: one shared instance; fonts by file path, nothing fetched from the network.
const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
const font = { normal: reportFonts.regular, bold: reportFonts.bold, italics: reportFonts.regular, bolditalics: reportFonts.bold };
pdfmake.fonts = { NotoSansSC: font };
const fontFiles = new Set([reportFonts.regular, reportFonts.bold]);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
pdfmake.setUrlAccessPolicy(() => false);

/** A4 less the margins, in points. */
const CONTENT_WIDTH = 595.28 - 2 * 64;

/** Column widths in points, each column its share of the line (cell padding and rules taken off first). */
function columnWidths(shares: number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const free = CONTENT_WIDTH - shares.length * 9 - 1;
  return shares.map((share) => Math.floor((free * share) / total));
}

function blockContent(block: ReportBlock): Content {
  switch (block.kind) {
    case 'paragraph':
      return { text: block.text, style: 'body' };
    case 'minorHeading':
      return { text: block.text, style: 'h3', headlineLevel: 3 } as Content;
    case 'table': {
      if (block.rows.length === 0) return { text: block.empty, style: 'note' };
      const table: ContentTable = {
        style: 'table',
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: columnWidths(block.columns.map((column) => column.width ?? 1)),
          body: [
            block.columns.map((column) => ({ text: column.title, style: 'tableHeader', alignment: column.align ?? 'left' })),
            ...block.rows.map((row) => row.map((cell, at) => ({ text: cell, alignment: block.columns[at]?.align ?? 'left' }))),
          ],
        },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => '#8c8c8c',
          vLineColor: () => '#8c8c8c',
          fillColor: (row: number) => (row === 0 ? '#eef2f7' : null),
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      };
      return table;
    }
    case 'chart': {
      const width = Math.min(CONTENT_WIDTH, block.width);
      const height = Math.round((block.height * width) / block.width);
      return {
        stack: [
          { svg: chartSvg(block.chart, block.width, block.height), width, height, alignment: 'center' },
          { text: block.title, style: 'caption' },
        ],
        unbreakable: true,
      };
    }
  }
}

/** The document definition: A4, title page, contents, numbered sections with bookmarks, "第 N 页 共 M 页". */
export function pdfDefinition(report: ReportDocument): TDocumentDefinitions {
  const content: Content[] = [
    ...(report.internal ? [{ text: '内部资料', style: 'internal' } as Content] : []),
    { text: report.title, style: 'title', margin: [0, report.internal ? 180 : 200, 0, 40] },
    { text: report.issuer, style: 'issuer' },
    { text: report.dateText, style: 'issuer', pageBreak: 'after' },
    { toc: { title: { text: '目  录', style: 'tocTitle' }, numberStyle: { fontSize: 11 } } },
  ];
  report.sections.forEach((section, index) => {
    content.push({
      text: section.heading,
      style: 'h1',
      tocItem: true,
      outline: true,
      headlineLevel: 1,
      ...(index === 0 ? { pageBreak: 'before' } : {}),
    } as Content);
    content.push(...section.blocks.map(blockContent));
    for (const sub of section.subsections ?? []) {
      content.push({ text: sub.heading, style: 'h2', tocItem: true, tocMargin: [16, 0, 0, 0], outline: true, headlineLevel: 2 } as Content);
      content.push(...sub.blocks.map(blockContent));
    }
  });
  return {
    pageSize: 'A4',
    pageMargins: [64, 64, 64, 60],
    info: { title: report.title, author: report.issuer, subject: report.title, creator: report.issuer },
    content,
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: `第 ${page} 页 共 ${pages} 页`, alignment: 'center', fontSize: 9, color: '#595959', margin: [0, 24, 0, 0] },
    // A heading is never left alone at the foot of a page: it moves to the next page with what follows it.
    pageBreakBefore: (node, query) => Boolean(node.headlineLevel) && query.getFollowingNodesOnPage().length < 2,
    defaultStyle: { font: 'NotoSansSC', fontSize: 10.5, lineHeight: 1.35 },
    styles: {
      internal: { fontSize: 14, bold: true, color: '#c00000', alignment: 'right' },
      title: { fontSize: 24, bold: true, alignment: 'center', color: '#c00000', lineHeight: 1.4 },
      issuer: { fontSize: 14, alignment: 'center', margin: [0, 6, 0, 0] },
      tocTitle: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
      h1: { fontSize: 16, bold: true, margin: [0, 14, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      body: { margin: [0, 0, 0, 6] },
      note: { color: '#595959', margin: [0, 0, 0, 8] },
      table: { fontSize: 9, margin: [0, 2, 0, 10] },
      tableHeader: { bold: true },
      caption: { fontSize: 9, color: '#595959', alignment: 'center', margin: [0, 2, 0, 10] },
    },
  };
}

/** Lays the report out as a PDF (synchronous layout: call it in a worker). */
export async function renderPdf(report: ReportDocument, onProgress?: (share: number) => void): Promise<Buffer> {
  pdfmake.setProgressCallback(onProgress);
  try {
    return await pdfmake.createPdf(pdfDefinition(report)).getBuffer();
  } finally {
    pdfmake.setProgressCallback(undefined);
  }
}
