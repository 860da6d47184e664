import { Alert, Flex, Image, Skeleton } from 'antd';
import { useEffect, useState } from 'react';

/** Draws the first pages of a PDF as pictures (pdf.js in the browser, loaded only on this page). */
async function renderPages(url: string, pages: number, signal: AbortSignal): Promise<string[]> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const bytes = await (await fetch(url, { credentials: 'include', signal })).arrayBuffer();
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
  const images: string[] = [];
  for (let number = 1; number <= Math.min(pages, document.numPages); number++) {
    if (signal.aborted) break;
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1.2 });
    const canvas = window.document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await page.render({ canvas, viewport }).promise;
    images.push(canvas.toDataURL('image/png'));
  }
  await document.destroy();
  return images;
}

export function PdfPreview({ url, pages = 3 }: { url: string; pages?: number }) {
  const [state, setState] = useState<{ url: string; images?: string[]; error?: string }>({ url });
  useEffect(() => {
    const controller = new AbortController();
    renderPages(url, pages, controller.signal).then(
      (images) => setState({ url, images }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ url, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [url, pages]);

  if (state.url !== url || (!state.images && !state.error)) return <Skeleton.Image active style={{ width: 180, height: 250 }} />;
  if (state.error) return <Alert type="warning" showIcon message="预览加载失败，可直接下载查看" />;
  return (
    <Flex gap={12} wrap data-testid="report-preview">
      <Image.PreviewGroup>
        {state.images!.map((src, at) => (
          <Image
            key={src.length + at}
            src={src}
            alt={`第 ${at + 1} 页预览`}
            width={180}
            style={{ border: '1px solid #d9d9d9', boxShadow: '0 1px 4px rgba(0,0,0,0.12)' }}
          />
        ))}
      </Image.PreviewGroup>
    </Flex>
  );
}
