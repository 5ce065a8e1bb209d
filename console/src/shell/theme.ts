import type { ThemeConfig } from 'antd';

/**
 * antd's defaults, adjusted so every page reads for everyone: its status colours, link blue and
 * secondary greys are under WCAG AA's 4.5:1 on their grounds (axe's color-contrast rule), so
 * the next darker shade of each palette is used. The primary red is the Federation's own.
 */
export const CONSOLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    // A dark seed makes antd derive murky grounds from it: the light ones are given as well.
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorError: '#cf1322',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorInfo: '#0958d9',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  },
};
