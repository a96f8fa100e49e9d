import { describe, expect, it } from 'vitest';
import { documentTitle } from './document.ts';

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
