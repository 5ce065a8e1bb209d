import type { Bilingual } from './i18n';

// Procurement methods in words: the procurement pages and a committee member's task both show them.
export const PROCUREMENT_METHODS: Record<string, Bilingual> = {
  PUBLIC_TENDER: { zh: '公开招标', en: 'Public tender' },
  COMPETITIVE_CONSULTATION: { zh: '竞争性磋商', en: 'Competitive consultation' },
};
