import { Segmented } from 'antd';
import { useLocale, type Locale } from './i18n';

/** 中文 / English: the choice is kept in the browser for the next visit. */
export function LocaleSwitch() {
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      aria-label="语言 / Language"
      value={locale}
      onChange={setLocale}
      options={[
        { label: <span lang="zh-CN">中文</span>, value: 'zh' },
        { label: <span lang="en">English</span>, value: 'en' },
      ]}
    />
  );
}
