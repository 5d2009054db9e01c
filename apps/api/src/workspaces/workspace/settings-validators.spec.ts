import { isHoliday } from './settings-validators.js';

describe('isHoliday', () => {
  it('accepts real dates and every-year days', () => {
    for (const value of ['2026-12-25', '2028-02-29', '12-25', '02-29']) expect(isHoliday(value)).toBe(true);
  });

  it('refuses impossible dates and other shapes', () => {
    for (const value of ['2026-02-29', '2026-13-01', '13-01', '04-31', '2026/12/25', '', 1225]) expect(isHoliday(value)).toBe(false);
  });
});
