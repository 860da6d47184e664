import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  DocumentGridType,
} from 'docx';
import { chartPng } from './report-charts.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';

/**
 * The 公文 layout of GB/T 9704-2012: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
 * the title in 方正小标宋简体 (the standard's 小标宋体 face; where it is not installed, Word and WPS
 * substitute their default Song face — 宋体 is named as the East Asian fallback in the style, so the
 * title still prints in a Song face), headings in 黑体 and 楷体, body 仿宋 (仿宋_GB2312 where
 * installed) at 三号 (16 pt), 28 lines a page: the type area is 297 − 37 − 35 = 225 mm high, so
 * each line is exactly 225 / 28 mm ≈ 22.8 pt.
 */
export const GONGWEN = {
  titleFont: '方正小标宋简体',
  titleFallback: '宋体',
  headingFont: '黑体',
  subheadingFont: '楷体',
  bodyFont: '仿宋',
  bodySizeHalfPoints: 32,
  linesPerPage: 28,
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
};
/** Millimetres to twips, rounded (A4 is 11906 × 16838). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const typeAreaMm = 297 - GONGWEN.marginsMm.top - GONGWEN.marginsMm.bottom;
const lineTwips = Math.floor(convertMillimetersToTwip(typeAreaMm) / GONGWEN.linesPerPage);
const contentWidthMm = 210 - GONGWEN.marginsMm.left - GONGWEN.marginsMm.right;
const exactLine = { line: lineTwips, lineRule: LineRuleType.EXACT };
const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

const tableBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: tableBorder, bottom: tableBorder, left: tableBorder, right: tableBorder, insideHorizontal: tableBorder, insideVertical: tableBorder };

/** Column widths in twips, each column its share of the type area (as in the PDF). */
function columnTwips(shares: number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  return shares.map((share) => Math.floor((convertMillimetersToTwip(contentWidthMm) * share) / total));
}

function tableCell(text: string, header: boolean, align: 'left' | 'right' | 'center' | undefined, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : align === 'center' || header ? AlignmentType.CENTER : AlignmentType.LEFT,
        // Table text at an exact 15 pt a line: an exact spacing keeps it off the body's 28-line grid, which would give each line 22.8 pt.
        spacing: { line: 300, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text, bold: header, size: 21, font: fontOf(GONGWEN.bodyFont) })],
      }),
    ],
  });
}

function blockChildren(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ style: 'Body', children: [new TextRun(block.text)] })];
    case 'minorHeading':
      return [new Paragraph({ style: 'Body', keepNext: true, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'table': {
      if (block.rows.length === 0) return [new Paragraph({ style: 'Body', children: [new TextRun(block.empty)] })];
      // Fixed widths from the columns' shares: without them LibreOffice gives every column the same width.
      const widths = columnTwips(block.columns.map((column) => column.width ?? 1));
      const cells = (texts: string[], header: boolean) => texts.map((text, at) => tableCell(text, header, block.columns[at]?.align, widths[at]!));
      return [
        new Table({
          width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders,
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: cells(block.columns.map((column) => column.title), true) }),
            ...block.rows.map((row) => new TableRow({ cantSplit: true, children: cells(row, false) })),
          ],
        }),
        new Paragraph({ style: 'Body', children: [] }),
      ];
    }
    case 'chart': {
      const widthPx = Math.round((contentWidthMm / 25.4) * 96);
      const heightPx = Math.round((block.height * widthPx) / block.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({ type: 'png', data: chartPng(block.chart, block.width, block.height), transformation: { width: widthPx, height: heightPx } }),
          ],
        }),
        new Paragraph({ style: 'Caption', children: [new TextRun(block.title)] }),
      ];
    }
  }
}

/** The report as an editable Word document in the 公文 layout. */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (report.internal) children.push(new Paragraph({ style: 'Body', children: [new TextRun({ text: '内部资料', font: fontOf(GONGWEN.headingFont) })] }));
  children.push(
    new Paragraph({ style: 'DocTitle', children: [new TextRun(report.title)] }),
    new Paragraph({ style: 'Issuer', children: [new TextRun(report.issuer)] }),
    new Paragraph({ style: 'Issuer', children: [new TextRun(report.dateText)] }),
  );
  for (const section of report.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(section.heading)] }));
    children.push(...section.blocks.flatMap(blockChildren));
    for (const sub of section.subsections ?? []) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(sub.heading)] }));
      children.push(...sub.blocks.flatMap(blockChildren));
    }
  }
  const document = new Document({
    title: report.title,
    creator: report.issuer,
    description: report.title,
    styles: {
      // East Asian text marked Simplified Chinese, so a reader without the named faces falls back to a Simplified Chinese font
      // (LibreOffice took Noto Sans CJK JP without it); Latin text keeps its language, or numbers would break across lines.
      default: {
        document: { run: { font: fontOf(GONGWEN.bodyFont), size: GONGWEN.bodySizeHalfPoints, language: { eastAsia: 'zh-CN' } }, paragraph: { spacing: exactLine } },
      },
      paragraphStyles: [
        {
          id: 'DocTitle',
          name: '公文标题',
          run: { font: { ascii: GONGWEN.titleFallback, hAnsi: GONGWEN.titleFallback, eastAsia: GONGWEN.titleFont }, size: 44 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: lineTwips, after: lineTwips, line: lineTwips * 1.5, lineRule: LineRuleType.EXACT } },
        },
        { id: 'Issuer', name: '发文机关', run: { size: GONGWEN.bodySizeHalfPoints }, paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine } },
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Body',
          quickFormat: true,
          run: { font: fontOf(GONGWEN.headingFont), size: GONGWEN.bodySizeHalfPoints },
          paragraph: { indent: { firstLine: 640 }, spacing: exactLine, keepNext: true, outlineLevel: 0 },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Body',
          quickFormat: true,
          run: { font: fontOf(GONGWEN.subheadingFont), size: GONGWEN.bodySizeHalfPoints },
          paragraph: { indent: { firstLine: 640 }, spacing: exactLine, keepNext: true, outlineLevel: 1 },
        },
        { id: 'Body', name: '正文', basedOn: 'Normal', run: { size: GONGWEN.bodySizeHalfPoints }, paragraph: { indent: { firstLine: 640 }, spacing: exactLine, alignment: AlignmentType.JUSTIFIED } },
        { id: 'Caption', name: '图题', basedOn: 'Normal', run: { size: 24 }, paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine } },
      ],
    },
    sections: [
      {
        properties: {
          grid: { linePitch: lineTwips, type: DocumentGridType.LINES },
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(GONGWEN.marginsMm.top),
              bottom: convertMillimetersToTwip(GONGWEN.marginsMm.bottom),
              left: convertMillimetersToTwip(GONGWEN.marginsMm.left),
              right: convertMillimetersToTwip(GONGWEN.marginsMm.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: fontOf('宋体') })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
