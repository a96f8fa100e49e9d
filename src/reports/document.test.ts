import { describe, expect, it } from 'vitest';
import { documentTitle, figureLines } from './document.ts';
import type { ReportFigures } from './figures.ts';

describe('the line under BÁO CÁO', () => {
  it.each([
    ['Báo cáo sơ kết 6 tháng', 'Sơ kết 6 tháng: kết quả thực hiện phong trào X 6 tháng đầu năm 2026'],
    ['Tổng kết năm', 'Tổng kết năm: kết quả thực hiện phong trào X 6 tháng đầu năm 2026'],
    ['Báo cáo năm với UBND xã', 'Kết quả thực hiện phong trào X 6 tháng đầu năm 2026'],
    ['Báo cáo 6 tháng', 'Kết quả thực hiện phong trào X 6 tháng đầu năm 2026'],
  ])('%s', (title, expected) => {
    expect(documentTitle(title, 'phong trào X', '6 tháng đầu năm 2026')).toBe(expected);
  });
});

describe('the gong figures in a report', () => {
  const figures = (gongs: ReportFigures['gongs']) => ({
    gongs, nights: 30, patrols: { patrols: 0, with_incidents: 0, expected: 0 }, activities: [], tips: null, commitments: [],
    households: { households: 0, in_fire_groups: 0, fire_groups: 0, keychains: 0, keychains_handed_out: 0 }, models: [],
  }) as unknown as ReportFigures;

  it('says no gong model runs where no village is expected to strike, rather than 0 %', () => {
    const lines = figureLines(figures({ villages: 0, expected: 0, struck: 0, on_time: 0 }));
    expect(lines[0]).toBe('- Đánh kẻng 22 giờ: chưa triển khai mô hình Tiếng kẻng bình yên.');
  });

  it('counts the strikes where it runs', () => {
    const lines = figureLines(figures({ villages: 2, expected: 60, struck: 57, on_time: 50 }));
    expect(lines[0]).toMatch(/^- Đánh kẻng 22 giờ: 2 thôn, tổ dân phố trong 30 đêm, đã đánh 57\/60 lượt .* bỏ sót 3 lượt\.$/);
  });
});
