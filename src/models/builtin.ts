import type { TemplateParts } from './parts.ts';

/**
 * The five models of the seed plans (shared/seeds), as templates. Cadences, targets and due
 * days are the plans' own; planned days count from the start of the instance.
 */
export const BUILTIN_TEMPLATES: (TemplateParts & { key: string })[] = [
  {
    // 000: KH xây dựng mô hình "Cổng trường an toàn giao thông", xã Điện Quan, 2024.
    key: 'cong-truong-atgt',
    name: 'Cổng trường an toàn giao thông',
    field: 'ATGT',
    purpose:
      'Phát huy sức mạnh tổng hợp của cán bộ và Nhân dân trong công tác bảo đảm ANTT tại địa phương; xây dựng điểm mô hình tại trường học, từ đó nhân rộng ra các trường khác.',
    steps: [
      { step: 'survey', title: 'Khảo sát, đánh giá thực trạng địa bàn theo biểu mẫu', startDay: 0, endDay: 7 },
      { step: 'working_group', title: 'Quyết định thành lập tổ giúp việc xây dựng mô hình', startDay: 5, endDay: 10 },
      { step: 'training', title: 'Tập huấn cho tổ công tác, Công an xã, cán bộ thôn bản', startDay: 7, endDay: 12 },
      { step: 'commitments', title: 'Phụ huynh, học sinh ký cam kết thực hiện', startDay: 10, endDay: 14 },
      { step: 'launch', title: 'Lễ công bố ra mắt mô hình', startDay: 14, endDay: 15 },
      { step: 'operating', title: 'Duy trì hoạt động của mô hình', startDay: 15, endDay: 260 },
      { step: 'interim_review', title: 'Sơ kết đánh giá kết quả, hiệu quả hoạt động; nhân rộng', startDay: 255, endDay: 270 },
    ],
    activities: [
      { key: 'tuyen-truyen', title: 'Tuyên truyền an toàn giao thông cho học sinh, phụ huynh', recurrence: { freq: 'monthly', day: 15 } },
    ],
    targets: [
      { key: 'cam-ket', title: 'Phụ huynh, học sinh ký cam kết', value: 100, unit: '%' },
    ],
    reports: [{ title: 'Báo cáo sơ kết năm', period: 'year', due: { day: 31, month: 12 } }],
  },
  {
    // 001: KH phối hợp triển khai mô hình An ninh cơ sở, Phòng GD&ĐT thị xã Quảng Yên.
    key: 'an-ninh-co-so-truong-hoc',
    name: 'An ninh cơ sở trong trường học',
    field: 'school',
    purpose:
      'Tăng cường tuyên truyền, giáo dục pháp luật về ma túy, trật tự an toàn giao thông, an toàn trường học; góp phần ngăn chặn bạo lực học đường và vi phạm pháp luật trong học sinh.',
    steps: [
      { step: 'survey', title: 'Rà soát tình hình ANTT trong nhà trường', startDay: 0, endDay: 10 },
      { step: 'working_group', title: 'Kiện toàn tổ tự quản, câu lạc bộ, đội nhóm', startDay: 10, endDay: 30 },
      { step: 'operating', title: 'Tuyên truyền trên nhiều kênh, duy trì hoạt động', startDay: 30, endDay: 330 },
      { step: 'interim_review', title: 'Sơ kết 6 tháng', startDay: 150, endDay: 160 },
      { step: 'final_review', title: 'Tổng kết năm', startDay: 320, endDay: 330 },
    ],
    activities: [
      { key: 'tuyen-truyen', title: 'Tuyên truyền, phổ biến giáo dục pháp luật (loa, pano, Zalo, Facebook, ngoại khóa)', recurrence: { freq: 'monthly', day: 1 } },
      { key: 'clb', title: 'Sinh hoạt câu lạc bộ, đội nhóm', recurrence: { freq: 'monthly', day: 20 } },
    ],
    targets: [
      { key: 'ke-hoach', title: 'Cơ sở giáo dục xây dựng kế hoạch thực hiện', value: 100, unit: '%' },
    ],
    reports: [
      { title: 'Báo cáo 6 tháng', period: 'half_year', due: { day: 10, month: 6 } },
      { title: 'Báo cáo năm', period: 'year', due: { day: 10, month: 11 } },
    ],
  },
  {
    // 003: KH xây dựng mô hình "Khóa an toàn an ninh trật tự", huyện Triệu Sơn, 2021.
    key: 'khoa-an-toan',
    name: 'Khóa an toàn an ninh trật tự',
    field: 'ANTT',
    purpose:
      'Cấp khóa, móc khóa cho hộ gia đình; móc khóa là địa chỉ tin cậy để Nhân dân cung cấp thông tin về ANTT cho lực lượng Công an; nâng cao tinh thần tự phòng, tự quản, tự bảo vệ tài sản.',
    steps: [
      { step: 'survey', title: 'Khảo sát mức độ an toàn của hộ gia đình, cơ quan', startDay: 0, endDay: 15 },
      { step: 'working_group', title: 'Thành lập Ban điều hành mô hình', startDay: 10, endDay: 20 },
      { step: 'training', title: 'Tập huấn cho Ban điều hành, lực lượng nòng cốt', startDay: 20, endDay: 30 },
      { step: 'commitments', title: 'Hộ gia đình đăng ký, nhận khóa và móc khóa', startDay: 25, endDay: 45 },
      { step: 'launch', title: 'Lễ ra mắt mô hình', startDay: 45, endDay: 50 },
      { step: 'operating', title: 'Tuần tra, tuyên truyền, khảo sát định kỳ', startDay: 50, endDay: 365 },
      { step: 'interim_review', title: 'Sơ kết 6 tháng', startDay: 225, endDay: 235 },
      { step: 'final_review', title: 'Tổng kết năm', startDay: 410, endDay: 415 },
    ],
    activities: [
      { key: 'khao-sat-khoa', title: 'Khảo sát, đánh giá mức độ an toàn về khóa của hộ gia đình, cơ quan', recurrence: { freq: 'quarterly', month: 3, day: 20 } },
      { key: 'tuan-tra', title: 'Tuần tra, tuyên truyền đến người dân', recurrence: { freq: 'weekly', weekday: 6 } },
      { key: 'danh-gia-thang', title: 'Đánh giá, báo cáo hoạt động của mô hình', recurrence: { freq: 'monthly', day: 25 } },
    ],
    targets: [
      { key: 'ho-nhan-khoa', title: 'Hộ gia đình được cấp khóa và móc khóa', value: 100, unit: '%' },
    ],
    reports: [
      { title: 'Sơ kết 6 tháng', period: 'half_year', due: { day: 15, month: 6 } },
      { title: 'Tổng kết năm', period: 'year', due: { day: 15, month: 11 } },
    ],
  },
  {
    // 004: KH thực hiện phong trào "Tiếng kẻng bình yên", xã Đồng Thịnh, 2023–2026.
    key: 'tieng-keng-binh-yen',
    name: 'Tiếng kẻng bình yên',
    field: 'ANTT',
    purpose:
      'Các thôn, làng đánh kẻng đồng loạt lúc 22 giờ hằng ngày và đột xuất khi có vụ việc về ANTT, cháy nổ; nâng cao tinh thần cảnh giác, tự phòng, tự quản, tự bảo vệ của Nhân dân.',
    steps: [
      { step: 'survey', title: 'Rà soát vị trí treo kẻng, số lượng kẻng, lực lượng đánh kẻng', startDay: 0, endDay: 15 },
      { step: 'working_group', title: 'Phân công lực lượng đánh kẻng ở các thôn, làng', startDay: 10, endDay: 20 },
      { step: 'launch', title: 'Phát động phong trào', startDay: 20, endDay: 25 },
      { step: 'operating', title: 'Đánh kẻng 22 giờ hằng ngày, tuần tra sau tiếng kẻng', startDay: 25, endDay: 365 },
      { step: 'final_review', title: 'Báo cáo kết quả năm với UBND xã', startDay: 355, endDay: 365 },
    ],
    activities: [
      { key: 'danh-keng', title: 'Đánh kẻng bình yên lúc 22 giờ', recurrence: { freq: 'daily', time: '22:00' } },
      { key: 'tuan-tra', title: 'Tuần tra sau tiếng kẻng', recurrence: { freq: 'daily', time: '22:15' } },
      { key: 'kiem-tra-keng', title: 'Kiểm tra kẻng, thay kẻng hỏng hoặc mất', recurrence: { freq: 'quarterly', month: 1, day: 5 } },
    ],
    targets: [
      { key: 'thon-danh-keng', title: 'Thôn, làng đánh kẻng lúc 22 giờ hằng ngày', value: 100, unit: '%' },
    ],
    reports: [{ title: 'Báo cáo năm với UBND xã', period: 'year', due: { day: 15, month: 12 } }],
  },
  {
    // 004: xây dựng mô hình "Tổ liên gia an toàn về PCCC", giai đoạn 2023–2026.
    key: 'to-lien-gia-pccc',
    name: 'Tổ liên gia an toàn về PCCC',
    field: 'PCCC',
    purpose:
      'Các hộ gia đình liền kề giúp nhau phòng cháy, chữa cháy và cứu nạn, cứu hộ tại chỗ; phấn đấu 100% khu dân cư có tổ liên gia an toàn PCCC.',
    steps: [
      { step: 'survey', title: 'Rà soát hộ gia đình, nguy cơ cháy nổ ở khu dân cư', startDay: 0, endDay: 15 },
      { step: 'working_group', title: 'Thành lập tổ liên gia, cử tổ trưởng', startDay: 15, endDay: 30 },
      { step: 'training', title: 'Hướng dẫn kiến thức, kỹ năng PCCC và CNCH', startDay: 30, endDay: 45 },
      { step: 'commitments', title: 'Hộ gia đình ký cam kết tham gia tổ liên gia', startDay: 30, endDay: 60 },
      { step: 'launch', title: 'Ra mắt tổ liên gia', startDay: 60, endDay: 65 },
      { step: 'operating', title: 'Kiểm tra phương tiện, thực tập phương án chữa cháy', startDay: 65, endDay: 365 },
      { step: 'final_review', title: 'Báo cáo kết quả năm với UBND xã', startDay: 355, endDay: 365 },
    ],
    activities: [
      { key: 'kiem-tra-phuong-tien', title: 'Kiểm tra bình chữa cháy và phương tiện PCCC của các hộ', recurrence: { freq: 'quarterly', month: 2, day: 10 } },
      { key: 'thuc-tap', title: 'Thực tập phương án chữa cháy', recurrence: { freq: 'semiannual', month: 4, day: 4 } },
    ],
    targets: [
      { key: 'ho-trong-to', title: 'Hộ gia đình tham gia tổ liên gia an toàn PCCC', value: 100, unit: '%' },
    ],
    reports: [{ title: 'Báo cáo năm với UBND xã', period: 'year', due: { day: 15, month: 12 } }],
  },
];
