import type { Child } from 'hono/jsx';

export type Section = 'chat' | 'docs' | 'learn' | 'glossary' | 'none';

export interface LayoutProps {
  title: string;
  active: Section;
  styles: string;
  scripts?: string[];
  children?: Child;
}

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'chat', href: '/', label: 'Hỏi đáp' },
  { section: 'docs', href: '/docs', label: 'Văn bản' },
  { section: 'learn', href: '/learn', label: 'Tự học' },
  { section: 'glossary', href: '/glossary', label: 'Thuật ngữ' },
];

/** The page shell shared by every page: header with navigation, main landmark, footer. */
export function Layout({ title, active, styles, scripts = [], children }: LayoutProps) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${title} · Hỏi đáp Kế hoạch`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={styles} />
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Bỏ qua, đến nội dung chính
        </a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
                  <polygon points="12,3 14.6,9.2 21.3,9.5 16.1,13.7 17.9,20.2 12,16.5 6.1,20.2 7.9,13.7 2.7,9.5 9.4,9.2" />
                </svg>
              </span>
              <span class="brand-text">
                <span class="brand-name">Hỏi đáp Kế hoạch</span>
                <span class="brand-tagline">Tra cứu kế hoạch chăm sóc sức khỏe người có công, người cao tuổi, trẻ em, NKT</span>
              </span>
            </a>
            <nav class="site-nav" aria-label="Điều hướng chính">
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.section === active ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>Câu trả lời dựa trên các đoạn trích nguyên văn từ các kế hoạch đã ban hành. Hãy đối chiếu văn bản gốc trước khi sử dụng chính thức.</p>
        </footer>
      </body>
    </html>
  );
}
