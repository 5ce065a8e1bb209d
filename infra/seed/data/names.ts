// Plausible personal names for people the report does not name (counsel, mediators):
// deterministic, distinct, from common surnames and given names.

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜钟谭陆汪范金石廖贾夏方邹孟熊秦邱江顾毛钱严戴俞褚屠',
];
const GIVEN = [
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '辉',
  '建华',
  '建国',
  '国强',
  '海燕',
  '晓东',
  '志刚',
  '文杰',
  '丽华',
  '国平',
  '卫东',
  '建平',
  '雪芳',
  '振华',
  '慧敏',
  '海峰',
  '晓燕',
  '伟明',
  '春华',
  '红梅',
  '立新',
  '永刚',
  '建英',
  '俊杰',
  '佳琪',
  '子涵',
  '浩然',
  '雨婷',
  '一鸣',
  '思远',
  '嘉怡',
];

/** The n-th name (n ≥ 0); the first few hundred are distinct. */
export function personName(n: number): string {
  // Stepping by co-prime strides spreads surnames and given names evenly.
  return SURNAMES[(n * 3) % SURNAMES.length] + GIVEN[(n * 11 + Math.floor(n / SURNAMES.length)) % GIVEN.length];
}
