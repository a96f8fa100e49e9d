/**
 * A report (BÁO CÁO) to render in the export tests: a half-year review with a table long enough
 * to run over several pages (121 communes and wards of Thanh Hóa and a total row), one name long
 * enough to wrap in its cell, and a second, short table straight under a heading.
 *
 * The figures are made up but fixed, so a failing test shows the same document every time; they
 * are formatted here as a caller would, the Vietnamese way ("1.234", "92,5 %").
 */
import type { DocTable, PlanDocument } from '../document.ts';

const WARDS = 'Hạc Thành, Quảng Phú, Đông Quang, Đông Sơn, Đông Tiến, Hàm Rồng, Nguyệt Viên, Sầm Sơn, Nam Sầm Sơn, '
  + 'Bỉm Sơn, Quang Trung, Ngọc Sơn, Tân Dân, Hải Lĩnh, Tĩnh Gia, Đào Duy Từ, Hải Bình, Trúc Lâm, Nghi Sơn';
const COMMUNES = 'Thạch Lập, Ngọc Lặc, Thạch Bình, Kiên Thọ, Minh Sơn, Cẩm Thủy, Cẩm Thạch, Cẩm Tú, Cẩm Vân, Cẩm Tân, '
  + 'Kim Tân, Vân Du, Ngọc Trạo, Thạch Quảng, Thạch Thành, Thành Vinh, Triệu Sơn, Thọ Bình, Thọ Ngọc, Thọ Phú, '
  + 'Hợp Tiến, An Nông, Tân Ninh, Đồng Tiến, Hoằng Hóa, Hoằng Tiến, Hoằng Thanh, Hoằng Lộc, Hoằng Châu, Hoằng Sơn, '
  + 'Hoằng Phú, Hoằng Giang, Lưu Vệ, Quảng Yên, Quảng Ngọc, Quảng Ninh, Quảng Bình, Tiên Trang, Quảng Chính, Nông Cống, '
  + 'Thắng Lợi, Trung Chính, Trường Văn, Thăng Bình, Tượng Lĩnh, Công Chính, Thiệu Hóa, Thiệu Quang, Thiệu Tiến, Thiệu Toán, '
  + 'Thiệu Trung, Yên Định, Yên Trường, Yên Phú, Quý Lộc, Yên Ninh, Định Tân, Định Hòa, Thọ Xuân, Thọ Long, '
  + 'Xuân Hòa, Sao Vàng, Lam Sơn, Thọ Lập, Xuân Tín, Xuân Lập, Vĩnh Lộc, Tây Đô, Biện Thượng, Hà Trung, '
  + 'Tống Sơn, Hà Long, Hoạt Giang, Lĩnh Toại, Nga Sơn, Nga Thắng, Hồ Vương, Tân Tiến, Nga An, Ba Đình, '
  + 'Hậu Lộc, Triệu Lộc, Đông Thành, Hoa Lộc, Vạn Lộc, Bá Thước, Cổ Lũng, Pù Luông, Điền Quang, Điền Lư, '
  + 'Quý Lương, Quan Hóa, Trung Thành, Hồi Xuân, Mường Lát, Pù Nhi, Quang Chiểu, Tam Chung, Quan Sơn, Na Mèo, '
  + 'Sơn Thủy, Thường Xuân';

const NAMES = [
  ...WARDS.split(', ').map((n) => `Phường ${n}`),
  ...COMMUNES.split(', ').map((n) => `Xã ${n}`),
];

const integer = new Intl.NumberFormat('vi-VN');
const percent = (value: number) =>
  `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;

/** Villages, households taking part, strikes of the gong, and the share struck on time. */
function figures(i: number): [villages: number, households: number, strikes: number, onTime: number] {
  const villages = 6 + ((i * 7) % 19);
  return [villages, 300 + ((i * 7919) % 4700), villages * (150 + ((i * 37) % 32)), 85 + ((i * 53) % 150) / 10];
}

const rows = NAMES.map((name, i) => {
  const [villages, households, strikes, onTime] = figures(i);
  // The first ward took in five others on 1 July 2025; the note is what wraps in its cell.
  const shown = i === 0 ? `${name} (gồm các phường Điện Biên, Lam Sơn, Ba Đình, Ngọc Trạo, Phú Sơn cũ)` : name;
  return [String(i + 1), shown, integer.format(villages), integer.format(households), integer.format(strikes), percent(onTime)];
});

const totals = NAMES.map((_, i) => figures(i)).reduce(
  (sum, [villages, households, strikes, onTime]) => {
    sum.villages += villages;
    sum.households += households;
    sum.strikes += strikes;
    sum.onTime += onTime * strikes;
    return sum;
  },
  { villages: 0, households: 0, strikes: 0, onTime: 0 },
);

export const GONG_TABLE: DocTable = {
  caption: 'Bảng 1. Kết quả đánh kẻng theo xã, phường',
  columns: [
    { title: 'STT', width: 6, align: 'center' },
    { title: 'Xã, phường', width: 30 },
    { title: 'Số thôn, tổ dân phố', width: 13, align: 'right' },
    { title: 'Số hộ tham gia', width: 14, align: 'right' },
    { title: 'Số lượt đánh kẻng', width: 14, align: 'right' },
    { title: 'Tỷ lệ đúng giờ', width: 13, align: 'right' },
  ],
  rows,
  total: [
    '', 'Tổng cộng', integer.format(totals.villages), integer.format(totals.households),
    integer.format(totals.strikes), percent(totals.onTime / totals.strikes),
  ],
};

export const TIPS_TABLE: DocTable = {
  caption: 'Bảng 2. Tin báo, tố giác tội phạm tiếp nhận qua tổ tự quản',
  columns: [
    { title: 'Loại tin', width: 40 },
    { title: 'Tiếp nhận', width: 20, align: 'right' },
    { title: 'Đã xử lý', width: 20, align: 'right' },
    { title: 'Tỷ lệ', width: 20, align: 'right' },
  ],
  rows: [
    ['Trộm cắp tài sản', '1.284', '1.201', '93,5 %'],
    ['Đánh bạc, cờ bạc', '312', '305', '97,8 %'],
    ['Ma túy', '96', '90', '93,8 %'],
    ['Lừa đảo qua mạng', '2.045', '1.730', '84,6 %'],
  ],
  total: ['Tổng cộng', '3.737', '3.326', '89,0 %'],
};

export const report2026: PlanDocument = {
  kind: 'report',
  issuer: { superior: 'Bộ Công an', name: 'Công an tỉnh Thanh Hóa' },
  number: '125',
  symbol: 'BC-CAT',
  place: 'Thanh Hóa',
  issuedOn: '2026-06-25',
  title: 'Sơ kết 6 tháng đầu năm 2026 thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  bases: ['Thực hiện Kế hoạch số 45/KH-CAT ngày 10/01/2026 của Công an tỉnh về phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026;'],
  preamble: 'Công an tỉnh Thanh Hóa báo cáo kết quả 6 tháng đầu năm 2026 như sau:',
  sections: [
    {
      heading: 'I. KẾT QUẢ ĐẠT ĐƯỢC',
      paragraphs: [
        'Sau sáp nhập đơn vị hành chính, 121 xã, phường đã kiện toàn tổ tự quản về an ninh, trật tự ở thôn, tổ dân phố; '
          + 'mô hình "Kẻng an ninh" được duy trì đều đặn, đánh kẻng đúng giờ theo quy định.',
        '- Số hộ tham gia, số lượt đánh kẻng và tỷ lệ đánh kẻng đúng giờ của từng xã, phường như Bảng 1.',
      ],
      tables: [GONG_TABLE],
      children: [
        { heading: '1. Tin báo, tố giác tội phạm', paragraphs: [], tables: [TIPS_TABLE] },
      ],
    },
    {
      heading: 'II. TỒN TẠI, HẠN CHẾ',
      paragraphs: ['Một số thôn miền núi chưa duy trì đánh kẻng vào mùa mưa; việc cập nhật số liệu lên hệ thống còn chậm.'],
    },
    {
      heading: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM',
      paragraphs: ['Tiếp tục nhân rộng mô hình, đôn đốc các xã, phường cập nhật kết quả hằng tuần.'],
    },
  ],
  closing: 'Trên đây là báo cáo sơ kết 6 tháng đầu năm 2026 của Công an tỉnh Thanh Hóa./.',
  recipients: ['Cục Xây dựng phong trào bảo vệ ANTQ (b/c);', 'UBND tỉnh (b/c);', 'Lưu: VT, PV05.'],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Lê Văn Hòa' },
};
