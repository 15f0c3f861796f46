// The note's Markdown under jsdom: formatting renders, typed HTML stays text (no element is created from
// it), only http(s) links become buttons, and a link opens only after the officer confirms its address.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { NoteMarkdown } from './NoteMarkdown.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.restoreAllMocks();
});

async function show(source: string, onOpenLink = vi.fn()) {
  const view = await render(<NoteMarkdown source={source} onOpenLink={onOpenLink} />);
  cleanup = view.unmount;
  const box = view.container.querySelector('.note-body');
  if (!box) throw new Error('note not rendered');
  return { box, onOpenLink };
}

describe('NoteMarkdown', () => {
  it('renders bold, emphasis, lists, code and headings below the detail sections', async () => {
    const { box } = await show('## 経緯\n\n**重大**な*漏洩*\n\n- 一つ目\n- 二つ目\n\n1. 手順\n\n`code`\n\n> 引用');
    expect(box.querySelector('strong')?.textContent).toBe('重大');
    expect(box.querySelector('em')?.textContent).toBe('漏洩');
    expect([...box.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['一つ目', '二つ目']);
    expect(box.querySelector('ol > li')?.textContent).toBe('手順');
    expect(box.querySelector('code')?.textContent).toBe('code');
    expect(box.querySelector('blockquote')?.textContent).toBe('引用');
    expect(box.querySelector('h5')?.textContent).toBe('経緯');
  });

  it('keeps typed HTML as text: no script, image, iframe or handler is created', async () => {
    const hostile = '<script>window.pwned = 1</script>\n\n<img src=x onerror="window.pwned=2"> <iframe src="https://evil.example"></iframe>\n\n![x](https://evil.example/x.png)';
    const { box } = await show(hostile);
    expect(box.querySelector('script, img, iframe, [onerror]')).toBeNull();
    expect(box.textContent).toContain('<script>window.pwned = 1</script>');
    expect(box.textContent).toContain('<img src=x onerror="window.pwned=2">');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('makes only http(s) links, as buttons; javascript:, data: and file: addresses stay text', async () => {
    const { box } = await show('[公式](https://example.jp/a) [悪](javascript:alert(1)) [d](data:text/html,x) [f](file:///etc/passwd) <https://example.jp/b>');
    expect(box.querySelector('a')).toBeNull();
    expect([...box.querySelectorAll('button.note-link')].map((b) => b.textContent)).toEqual(['公式', 'https://example.jp/b']);
    expect(box.textContent).toContain('[悪](javascript:alert(1))');
    expect(box.textContent).toContain('[f](file:///etc/passwd)');
  });

  it('opens a link only after the officer confirms the exact address', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { box, onOpenLink } = await show('[公式発表](https://example.jp/news?id=1)');
    const link = box.querySelector<HTMLButtonElement>('button.note-link');
    await act(async () => link?.click());
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('https://example.jp/news?id=1'));
    expect(onOpenLink).not.toHaveBeenCalled();
    await act(async () => link?.click());
    expect(onOpenLink).toHaveBeenCalledWith('https://example.jp/news?id=1');
  });
});
