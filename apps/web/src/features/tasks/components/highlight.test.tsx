import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlight } from './highlight';

const marked = (container: HTMLElement) => [...container.querySelectorAll('mark')].map((mark) => mark.textContent);

describe('Highlight', () => {
  it('marks every place each word stands, and keeps the whole text', () => {
    const { container } = render(<Highlight text="优化营商环境，深化营商改革" words={['营商', '改革']} />);
    expect(container).toHaveTextContent('优化营商环境，深化营商改革');
    expect(marked(container)).toEqual(['营商', '营商改革']);
  });

  it('finds Latin words in any case and width', () => {
    const { container } = render(<Highlight text="推进５Ｇ网络与AI应用" words={['5g', 'ai']} />);
    expect(marked(container)).toEqual(['５Ｇ', 'AI']);
  });

  it('shows the text as it is without words or matches', () => {
    const { container } = render(<Highlight text="数字化改革" words={['乡村']} />);
    expect(container.innerHTML).toBe('数字化改革');
    expect(render(<Highlight text="数字化改革" words={[]} />).container.innerHTML).toBe('数字化改革');
  });
});
