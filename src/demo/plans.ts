import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/policy.ts';
import { addDays, todayVN } from '../shared/dates.ts';
import { getRoot, getUnitByCode } from '../units/queries.ts';
import { createUnit } from '../units/service.ts';
import { NIGHTS, PATROL_NIGHTS } from './field.ts';
import * as plans from '../plans/service.ts';
import type { Measure } from '../plans/measure.ts';
import type { Recurrence } from '../plans/recurrence.ts';
import { PlanInput } from '../plans/schema.ts';
import * as models from '../models/service.ts';
import * as reportSchedules from '../reports/schedules.ts';
import type { Step } from '../models/parts.ts';

/**
 * The five seed plans (shared/seeds/000–004) as real plans of the demo, with their tasks and
 * the model instances they govern, at the units that replaced their issuers on 1 July 2025:
 *
 * - 000 UBND xã Điện Quan (huyện Bảo Yên, Lào Cai)      → Xã Thượng Hà (02968)
 * - 001 Phòng GD&ĐT thị xã Quảng Yên (Quảng Ninh)        → Phường Quảng Yên (07132); the office no
 *   longer exists, its schools now answer to the ward's Phòng Văn hóa - Xã hội
 * - 002 Phòng GD&ĐT huyện Củ Chi (TP Hồ Chí Minh)        → Xã Củ Chi (27553)
 * - 003 UBND huyện Triệu Sơn (Thanh Hóa)                 → Xã Triệu Sơn (15664). This was the
 *   district's plan; the district is gone and its area is now eight communes, so the plan sits
 *   with the commune that holds the former district seat and the model runs in all eight.
 * - 004 UBND xã Đồng Thịnh (huyện Ngọc Lặc, Thanh Hóa)   → Xã Thạch Lập (15085)
 *
 * The documents are transcribed as the seeds give them, with the original issuers, names and
 * places (they are historical documents); only plain typing slips are corrected ("phụ huỵnh",
 * "Dư kiến", "Mật trận", "BCD 138", "chuyên biến"…) and the extraction's line breaks undone.
 * 004 is OCR text without diacritics, written back with them. Where a seed leaves a part blank
 * (most plan numbers, some dates, two signers' names) the value here is illustrative and says
 * so. Seed 003 is itself an unnumbered, undated draft ("Số: /KH-UBND", "ngày tháng năm 2021")
 * and stays a draft; the other four are issued.
 *
 * Everything is written through the services, as the system administrator, so the audit log
 * holds it like any other change. Work the seeds say was done (a launch in April 2024, the
 * reports of past years) is ticked off; recent and coming occurrences stay open, so "my work"
 * shows some overdue and some coming work relative to the day the demo is loaded.
 */

type Section = PlanInput['sections'][number];
const s = (heading: string, paragraphs: string[], children?: Section[]): Section => (children ? { heading, paragraphs, children } : { heading, paragraphs });

// ─── 000 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The seed shows no header, number or date. The issuer is the commune's People's Committee
 * under Bảo Yên district, as the preamble and recipients say; the number (illustrative) and a
 * date in March 2024 (after Kế hoạch 519/KH-CAH of 04/3/2024, which it implements) let it be
 * issued. The chairman's name is not in the seed: the one here is illustrative.
 */
const PLAN_000: Omit<PlanInput, 'unitId'> = {
  issuer: { superior: 'UBND HUYỆN BẢO YÊN', name: 'ỦY BAN NHÂN DÂN XÃ ĐIỆN QUAN' },
  number: '38', // illustrative
  symbol: 'KH-UBND',
  place: 'Điện Quan',
  issuedOn: '2024-03-18', // illustrative, in March 2024
  title: 'Xây dựng mô hình “Cổng trường an toàn giao thông” trên địa bàn xã Điện Quan',
  bases: [
    'Căn cứ Hướng dẫn số 22/HD-BCA-V05 ngày 18 tháng 11 năm 2022 của Bộ Công an về Hướng dẫn xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ ANTQ.',
    'Căn cứ kế hoạch số 808/KH-CAT-PV01 ngày 28/02/2024 của Công an tỉnh Lào Cai; Kế hoạch số 519/KH-CAH ngày 04/3/2024 của Công an huyện Bảo Yên về công tác xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ ANTQ năm 2024.',
  ],
  preamble:
    'Ủy ban nhân dân xã Điện Quan xây dựng kế hoạch chỉ đạo công tác xây dựng mô hình “Cổng trường an toàn giao thông” trên địa bàn xã Điện Quan với những nội dung sau:',
  sections: [
    s('I. MỤC ĐÍCH, YÊU CẦU', [
      'Nhằm phát huy sức mạnh tổng hợp của cán bộ và nhân dân trong công tác đảm bảo ANTT tại địa phương, góp phần thực hiện thắng lợi chương trình xây dựng văn minh đô thị trên địa bàn.',
      'Quá trình triển khai thực hiện phải bảo đảm tính thống nhất, đồng bộ đạt hiệu quả thiết thực tránh hình thức. Phải có sự phối hợp chặt chẽ với các Ban ngành, đoàn thể và tổ chức quần chúng tham gia trong công tác bảo vệ ANTT tại địa bàn cơ sở.',
    ]),
    s('II. NỘI DUNG VÀ BIỆN PHÁP TIẾN HÀNH', [], [
      s('1. Nội dung thực hiện', [
        'Tiếp tục duy trì, phát huy hiệu quả các tổ chức quần chúng làm công tác đảm bảo ANTT trên địa bàn.',
        'Tập trung chỉ đạo xây dựng điểm Mô hình “Cổng trường an toàn giao thông” trên địa bàn xã Điện Quan; dự kiến xây dựng tại Trường THCS xã Điện Quan; từ đó nghiên cứu nhân rộng ra các trường khác.',
      ]),
      s('2. Biện pháp tiến hành', [], [
        s('Bước 1: Công tác chuẩn bị', [
          '- Tổ chức khảo sát đánh giá thực trạng tình hình địa bàn, từ đó làm căn cứ báo cáo, tham mưu cho Công an huyện, Đảng ủy, UBND xã chỉ đạo các ngành, đoàn thể có liên quan triển khai thực hiện đạt hiệu quả.',
          '- Quyết định thành lập tổ giúp việc tham gia công tác xây dựng mô hình “Cổng trường an toàn giao thông”.',
          '- Chuẩn bị các điều kiện cần thiết phục vụ việc triển khai thực hiện công tác xây dựng mô hình.',
        ]),
        s('Bước 2: Triển khai thực hiện', [
          '- Chủ động phối hợp, tranh thủ sự chỉ đạo, hướng dẫn Công an tỉnh, Công an huyện mở hội nghị triển khai thực hiện công tác xây dựng mô hình tại địa bàn.',
          '- Tổ chức tập huấn, cho các đồng chí tham gia tổ công tác xây dựng các mô hình, lực lượng Công an xã, cán bộ chủ chốt các thôn bản quán triệt nội dung, mục đích yêu cầu, thống nhất về nhận thức, phương pháp và các bước triển khai xây dựng các mô hình theo kế hoạch đã đề ra.',
          '- Tổ chức triển khai xuống trường học, tổ chức họp để quán triệt nội dung, phương pháp, thống nhất về tiêu chí xây dựng mô hình, tổ chức cho phụ huynh, học sinh ký cam kết thực hiện để triển khai và duy trì mô hình.',
          '- Thời gian, địa điểm, lực lượng tham gia',
          '+ Thời gian',
          'Dự kiến vào đầu tháng 04/2024, tổ chức khảo sát tại các địa bàn đã được lựa chọn chỉ đạo xây dựng mô hình điểm. Công an xã phối hợp tổ chức khảo sát thực trạng và tập hợp theo biểu mẫu.',
          'Đầu tháng 04/2024, tổ chức họp Ban giám hiệu, giáo viên trường để triển khai nội dung xây dựng mô hình. Tập hợp số liệu xây dựng các văn bản, quyết định.',
          'Giữa tháng 04/2024 tổ chức lễ công bố ra mắt mô hình và duy trì hoạt động của mô hình đạt hiệu quả.',
          '+ Địa điểm: Tại Trường THCS Điện Quan, huyện Bảo Yên.',
          '+ Lực lượng tham gia: Lực lượng Công an xã, cán bộ, công chức xã, giáo viên, phụ huynh học sinh trường học.',
        ]),
        s('Bước 3:', [
          'Cuối tháng 12/2024, tổ chức sơ kết đánh giá kết quả, hiệu quả hoạt động của mô hình từ đó rút kinh nghiệm và tiếp tục nhân rộng ra các điểm trường khác trên địa bàn.',
        ]),
      ]),
    ]),
    s('III. TỔ CHỨC THỰC HIỆN', [], [
      s('1. Công an xã', [
        '- Giao Công an xã chủ trì phối hợp với các ngành, đoàn thể có liên quan, cán bộ chủ chốt các thôn bản, Ban giám hiệu trường học tổ chức triển khai thực hiện tốt kế hoạch này. Chủ động tuyên truyền sâu rộng cho cán bộ, Nhân dân hiểu, nhận thức đầy đủ về ý nghĩa và tầm quan trọng của công tác xây dựng mô hình trong phong trào toàn dân bảo vệ ANTQ.',
        '- Chủ động báo cáo Công an cấp trên, cấp ủy, chính quyền địa phương, tham mưu cho Ban chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc xã có kế hoạch tổ chức, chỉ đạo các ngành, đoàn thể trong xã triển khai công tác xây dựng mô hình đạt hiệu quả.',
        '- Lập dự trù kinh phí phục vụ cho việc triển khai xây dựng mô hình và đề xuất Công an tỉnh, Công an thành phố cấp kinh phí để triển khai thực hiện.',
      ]),
      s('2. Văn phòng HĐND và UBND xã, cán bộ văn hóa xã', [
        'Làm tốt công tác tuyên truyền và kịp thời đề xuất các cấp khen thưởng cho những tập thể, cá nhân có thành tích xuất sắc trong phong trào toàn dân bảo vệ ANTQ.',
      ]),
    ]),
  ],
  closing:
    'Căn cứ nội dung kế hoạch yêu cầu đề nghị các cơ quan, đơn vị, các ban, ngành, đoàn thể có liên quan căn cứ vào chức năng, nhiệm vụ được phân công khẩn trương tổ chức triển khai thực hiện./.',
  recipients: [
    'Công an huyện (b/c);',
    'Đảng ủy; HĐND xã (b/c);',
    'Các ban, ngành, đoàn thể (p/h);',
    'Trưởng các thôn bản (p/h);',
    'Công an xã (t/h);',
    'Trường THCS Điện Quan (t/h).',
    'Lưu: VT, CAX.',
  ],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Hoàng Văn Thắng' }, // name illustrative
  periodStart: '2024-04-01',
};

// ─── 001 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The office's header, number and date are not in the seed: number and date are illustrative
 * (after Kế hoạch 934/KH-PGDĐT of 19/11/2021, which it cites). The opening "Thực hiện … như sau:"
 * is one sentence and stays one, in the preamble. The seed's own slips of substance are kept as
 * written: "Thông tư số 23/2021/TT-BCA ngày 27/4/2012" and the item "(7)" given twice in 2.1.
 */
const PLAN_001: Omit<PlanInput, 'unitId'> = {
  issuer: { superior: 'UBND THỊ XÃ QUẢNG YÊN', name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO' },
  number: '986', // illustrative
  symbol: 'KH-PGDĐT',
  place: 'Quảng Yên',
  issuedOn: '2021-12-02', // illustrative
  title: 'Phối hợp triển khai thực hiện mô hình An ninh cơ sở',
  bases: [],
  preamble:
    'Thực hiện Kế hoạch số 31/KH-SGDĐT ngày 06/7/2021 của Sở Giáo dục và Đào tạo (GDĐT) về kế hoạch phối hợp triển khai thực hiện mô hình An ninh cơ sở, Phòng GD&ĐT xây dựng Kế hoạch thực hiện như sau:',
  sections: [
    s('I. MỤC ĐÍCH, YÊU CẦU', [
      '1. Tăng cường sự lãnh đạo của các cấp ủy đảng, hiệu lực quản lý, điều hành của chính quyền, huy động sức mạnh tổng hợp của cả hệ thống chính trị trong công tác đảm bảo ANTT nói chung, công tác tuyên truyền, giáo dục, phổ biến pháp luật nhất là tuyên truyền về tệ nạn ma túy, các quy định của pháp luật về trật tự an toàn giao thông, an toàn trường học nhằm góp phần ngăn chặn bạo lực học đường, tình trạng vi phạm pháp luật trong thanh, thiếu niên, học sinh.',
      '2. Xác định công tác xây dựng mô hình An ninh cơ sở là nhiệm vụ quan trọng của cả hệ thống chính trị, trong đó lực lượng Công an nhân dân làm nòng cốt, phát huy vai trò chủ công của công an cấp xã trong việc tổ chức thực hiện. Quá trình thực hiện xây dựng mô hình An ninh cơ sở phải huy động được vai trò tích cực, chủ động, sáng tạo của mọi tầng lớp nhân dân gắn với phong trào toàn dân bảo vệ an ninh Tổ quốc góp phần thực hiện hiệu quả công tác giữ gìn ANTT tại địa bàn cơ sở.',
      '3. Phòng GD&ĐT chủ động phối hợp với các cơ quan, đơn vị có liên quan trong triển khai công tác phổ biến giáo dục pháp luật, phòng, chống tội phạm và vi phạm pháp luật tại các trường học trên địa bàn thị xã.',
      '4. Cụ thể hóa, triển khai thực hiện tốt các nhiệm vụ được giao trong Kế hoạch 133/KH-UBND ngày 06/7/2021 của UBND tỉnh Quảng Ninh về Xây dựng mô hình An ninh cơ sở gắn với việc hoàn thành, các mục tiêu, nhiệm vụ quy định tại Nghị quyết số 314/2020/NQ-HĐND ngày 09/12/2020 của Hội đồng nhân dân tỉnh Quảng Ninh về một số nhiệm vụ, giải pháp nâng cao chất lượng công tác phòng, chống tội phạm và tệ nạn xã hội trên địa bàn tỉnh Quảng Ninh, giai đoạn 2021-2025.',
    ]),
    s('II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', [], [
      s('1. Công tác lãnh đạo, chỉ đạo', [
        '1.1. Quán triệt sâu sắc nội dung Nghị quyết số 04-NQ/TU ngày 23/3/2021 của Ban Thường vụ Tỉnh ủy về "Tăng cường lãnh đạo công tác đảm bảo an ninh, trật tự trên địa bàn tỉnh Quảng Ninh, giai đoạn 2021-2025"; Nghị quyết số 06-TU/NQ ngày 17/5/2021 của BCH Đảng bộ tỉnh về “Phát triển bền vững kinh tế, xã hội gắn với đảm bảo vững chắc quốc phòng, an ninh ở các xã, thôn, bản vùng đồng bào dân tộc thiểu số, miền núi, biên giới, hải đảo giai đoạn 2021-2025, định hướng đến năm 2030”; Kế hoạch số 133/KH-UBND ngày 06/7/2021 của UBND tỉnh Quảng Ninh về xây dựng mô hình An ninh cơ sở; Quyết định số 122-QĐ/BCĐ ngày 18/8/2021 của Ban Chỉ đạo về việc ban hành Quy chế hoạt động của Ban Chỉ đạo cấp tỉnh về xây dựng mô hình An ninh cơ sở và các văn bản có liên quan đến toàn thể đảng viên, cán bộ, công chức, người lao động và học sinh trong toàn ngành giáo dục, tạo sự thống nhất về nhận thức và hành động, triển khai, tổ chức thực hiện thắng lợi Nghị quyết, tổ chức thực hiện thành công mô hình An ninh cơ sở.',
        '1.2. Lồng ghép nội dung phối hợp thực hiện công tác xây dựng mô hình An ninh cơ sở vào các Kế hoạch, chương trình lãnh đạo, chỉ đạo hàng năm; thực hiện tốt quy chế dân chủ cơ sở, xây dựng, củng cố hệ thống chính trị cơ sở trong sạch, vững mạnh; tổ chức triển khai, thực hiện nghiêm túc, hiệu quả các chủ trương, đường lối, chính sách của Đảng, pháp luật của Nhà nước, chỉ đạo của Tỉnh về công tác đảm bảo ANTT; chủ động xây dựng các chương trình kiểm tra, giám sát việc triển khai, thực hiện.',
      ]),
      s('2. Công tác đấu tranh, phòng ngừa tội phạm, đảm bảo ANTT gắn với phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới', [
        '2.1. Tiếp tục chỉ đạo triển khai thực hiện nghiêm túc, hiệu quả kế hoạch: (1) Kế hoạch số 82/KH-PGD&ĐT ngày 18/02/2021 về triển khai công tác giáo dục ATGT trong trường học năm 2021 và năm học 2021-2022; (2) Kế hoạch số 95/KH-PGD&ĐT ngày 25/02/2021 phát động phong trào thi đua đảm bảo trật tự ATGT trong ngành Giáo dục giai đoạn 2021-2025; (3) Kế hoạch số 169/KH-PGD&ĐT ngày 25/3/2021 của Phòng GD&ĐT về thực hiện công tác phòng chống bạo lực, xâm hại trẻ em; tuyên truyền phòng ngừa về tội phạm ma túy, tác hại của tệ nạn ma túy và phòng chống tệ nạn xã hội trong ngành Giáo dục và Đào tạo giai đoạn 2021-2025; (4) Kế hoạch số 209/KH-PGDĐT ngày 07/4/2021 về thực hiện Chiến lược bảo đảm trật tự, an toàn giao thông đường bộ trong ngành Giáo dục giai đoạn 2021-2030; (5) Kế hoạch số 1094/KH-SGDĐT ngày 20/4/2021 về thực hiện triển khai thực hiện Công tác xã hội trong trường học giai đoạn 2021-2030; (6) Công văn số 310/PGD&ĐT-CMTHCS, ngày 29/4/2021 của Phòng GD&ĐT về việc phòng ngừa tội phạm giết người trên địa bàn thị xã Quảng Yên; (7) Kế hoạch số 595/KH-PGDĐT ngày 20/7/2021 của Phòng GD&ĐT về triển khai thực hiện chương trình phòng chống mua bán người; phòng chống tội phạm xâm hại trẻ em và phòng chống tội phạm, vi phạm pháp luật liên quan đến người dưới 18 tuổi giai đoạn 2021-2025 định hướng đến năm 2030; (7) Kế hoạch số 934/KH-PGDĐT ngày 19/11/2021 của Phòng GD&ĐT về thực hiện Chương trình phòng, chống mại dâm; Chương trình phòng, chống ma túy trong ngành Giáo dục và Đào tạo giai đoạn 2021-2025; (8) các chương trình, kế hoạch, nội dung chỉ đạo hằng năm của Trung ương, của Tỉnh, của thị xã về công tác phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc.',
        '2.2. Đẩy mạnh công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trong các cơ sở giáo dục đáp ứng yêu cầu, nhiệm vụ đảm bảo ANTT trong tình hình mới. Thực hiện nghiêm túc, hiệu quả Thông tư số 23/2021/TT-BCA ngày 27/4/2012 của Bộ Công an quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, trường học đạt tiêu chuẩn “An toàn về an ninh, trật tự”, phát huy vai trò của các đơn vị trường học trong công tác đảm bảo ANTT, xây dựng mô hình an ninh cơ sở gắn kết chặt chẽ với các phong trào, cuộc vận động do Đảng, Nhà nước, cấp ủy, chính quyền, Mặt trận Tổ quốc phát động, nhất là cuộc vận động: “Toàn dân bảo vệ an ninh Tổ quốc”; “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Cả nước chung tay vì người nghèo – không để ai bị bỏ lại phía sau”; “Toàn dân đoàn kết xây dựng đời sống văn hóa”, “Toàn dân phòng cháy chữa cháy”…',
        '2.3. Tiếp tục triển khai thực việc dạy học bộ tài liệu Văn hóa giao thông trong các cấp học, bậc học; tích hợp nội dung phòng chống bạo lực, xâm hại trẻ em, phòng chống vi phạm pháp luật, giáo dục đạo đức, lối sống... vào các môn học phù hợp trong nhà trường và các hoạt động giáo dục khác.',
        '2.4. Tiếp tục đổi mới nội dung, hình thức tuyên truyền, phổ biến giáo dục pháp luật theo hướng lấy học sinh làm trung tâm, công tác tuyên truyền phải phù hợp với đặc điểm lứa tuổi, vùng miền. Tăng cường ứng dụng công nghệ thông tin, đẩy mạnh công tác tuyên truyền trên không gian mạng (zalo, facebook…); tuyên truyền qua tài liệu, hình ảnh, ấn phẩm, khẩu hiệu, pano, áp phích, tờ rơi, tờ gấp, poster, băng zôn, banner tuyên truyền; tổ chức các buổi nói chuyện chuyên đề, tuyên truyền, tư vấn trực tiếp; phát động giáo viên, học sinh tích cực tham gia các cuộc thi tuyên truyền, giáo dục an toàn giao thông do Bộ GDĐT phối hợp tổ chức để truyền tải thông tin tuyên truyền về phòng, chống tội phạm và vi phạm pháp luật một cách nhanh nhất, hiệu quả nhất đến các thành viên trong trường học, trong đó tập trung vào các nội dung:',
        '- Phổ biến, quán triệt sâu sắc, đầy đủ các chủ trương, chính sách của Đảng, Nhà nước, các quy định của pháp luật trong đó tập trung vào các nội dung có liên quan đặc biệt đến học sinh như: Luật phòng chống tác hại của ma túy; Luật giao thông; Luật an ninh mạng; Luật bảo vệ bí mật nhà nước; Luật trẻ em; Luật phòng chống bạo lực gia đình; Luật Bình đẳng giới; Luật quản lý vũ khí, vật liệu nổ và công cụ hỗ trợ; Luật an ninh biên giới Quốc gia; Luật Tài nguyên môi trường biển và hải đảo…',
        '- Tuyên truyền âm mưu, phương thức, thủ đoạn hoạt động của các thế lực thù địch, phản động, các loại tội phạm và vi phạm pháp luật có liên quan đến thanh, thiếu niên, học sinh để giáo viên, học sinh nêu cao cảnh giác, chủ động phòng ngừa, phát hiện và đấu tranh ngăn chặn các hành vi vi phạm pháp luật;',
        '- Tuyên truyền các mối nguy hiểm và hậu quả của bạo lực học đường, xâm hại tình dục trẻ em, nguy cơ, tác hại, hậu quả của nghiện ma túy, nhất là các loại ma túy tổng hợp, chất hướng thần đối với sức khỏe, tính mạng con người, hạnh phúc gia đình, tình hình an ninh trật tự, an toàn và sự phát triển kinh tế xã hội.',
        '- Tuyên truyền về tấm gương “người tốt, việc tốt”, cá nhân điển hình tiên tiến, các giá trị đạo đức, văn hóa, thuần phong mỹ tục tốt đẹp của dân tộc… Công tác tuyên truyền phải được tiến hành chủ động, thường xuyên, toàn diện, có trọng tâm, trọng điểm; thường xuyên đổi mới nội dung, đa dạng hóa các hình thức tuyên truyền phù hợp với điều kiện, yêu cầu công tác phòng, chống dịch bệnh COVID-19 trong tình hình mới.',
        '- Tuyên truyền về quyền lợi, nghĩa vụ, trách nhiệm của cán bộ, công chức, viên chức, người lao động và học sinh khi tham gia công tác đảm bảo an ninh trật tự ở cơ quan, đơn vị trường học cũng như tại nơi cư trú; các biện pháp, phương pháp để tham gia thực hiện công tác đảm bảo an ninh trật tự.',
        '2.5. Quan tâm xây dựng và củng cố các mô hình, các câu lạc bộ phòng chống tội phạm, đảm bảo an toàn giao thông, an ninh trật tự trong các trường học phù hợp với mỗi cấp học, vùng miền để xây dựng mô hình An ninh cơ sở; tiếp tục phát huy mô hình “Cổng trường Xanh – Sạch – Đẹp – An toàn giao thông”; “Đội tuyên truyền An toàn giao thông trong các lớp học”, tiếp tục phát huy hiệu quả Đội thông tin truyền thông, phát thanh tuyên truyền… gắn với tinh thần xung kích, tình nguyện, sáng tạo của các thành viên trong trường học nhất là Đội tuyên truyền măng non, Đội cờ đỏ trong các trường học.',
        '2.6. Tăng cường công tác quản lý, nắm bắt tình hình, diễn biến tư tưởng của các thành viên trong trường học; chủ động phòng ngừa phát hiện, đấu tranh với âm mưu, hoạt động của các thế lực thù địch, các cá nhân, tổ chức phản động, lôi kéo, xúi giục học sinh tham gia các hoạt động tập trung đông người, gây rối an ninh, bạo loạn trên địa bàn; tích cực giải quyết thấu đáo các mâu thuẫn phát sinh trong nội bộ, không để phát sinh các điểm nóng, mất an toàn trong các trường học.',
      ]),
      s('3. Tăng cường công tác phối hợp trong đảm bảo ANTT', [
        '3.1. Tiếp tục phối hợp với các phòng, ban liên quan để tổ chức các hoạt động tuyên truyền, tập huấn, bồi dưỡng nâng cao năng lực cho đội ngũ cán bộ, giáo viên, đội tuyên truyền viên trong các nhà trường về công tác phòng chống tội phạm, phòng ngừa ma túy, tệ nạn xã hội, giáo dục an toàn giao thông…',
        'Phối hợp với Công an thị xã, các phòng, ban liên quan triển khai hiệu quả các đợt cao điểm tấn công trấn áp tội phạm nhất là tội phạm trong độ tuổi vị thành niên (các trường hợp gây rối trật tự công cộng, vi phạm pháp luật về trật tự an toàn giao thông, sử dụng vũ khí, vật liệu nổ và pháo…).',
        '3.2. Các cơ sở giáo dục chủ động phối hợp với công an các xã, phường để phối hợp triển khai các nội dung xây dựng mô hình an ninh cơ sở. Quản lý chặt chẽ các hoạt động của các hội, nhóm trong và ngoài nhà trường để kịp thời tiếp nhận thông tin, phối hợp giải quyết nhằm kịp thời ngăn chặn học sinh tham gia các hoạt động trái pháp luật; phát huy hiệu quả hoạt động trong công tác phối hợp đảm bảo an ninh, an toàn trường học, phòng chống tội phạm và tệ nạn xã hội; thường xuyên trao đổi, nắm bắt thông tin, kịp thời định hướng dư luận, tích cực đấu tranh, phòng ngừa, ngăn chặn các hành vi vi phạm pháp luật trong thanh, thiếu niên, học sinh.',
        'Tăng cường công tác phối hợp trong kiểm tra, tự kiểm tra, quản lý, giám sát các hoạt động giáo dục trong và ngoài nhà trường để phát huy hiệu quả mô hình an ninh cơ sở tại địa phương.',
        'Tăng cường công tác phối hợp với các tổ chức trong và ngoài nhà trường, cha mẹ học sinh trong công tác quản lý, giáo dục học sinh.',
      ]),
    ]),
    s('III. TỔ CHỨC THỰC HIỆN', [], [
      s('1. Phòng Giáo dục', [
        '- Theo dõi, đôn đốc các cơ sở giáo dục trực thuộc thực hiện các nội dung tại Kế hoạch này và tổ chức kiểm tra, đánh giá, báo cáo Sở GDĐT, Ủy ban nhân dân thị xã theo quy định (báo cáo định kỳ 6 tháng gửi trước ngày 15/6 và 1 năm gửi trước ngày 15/11).',
        '- Phối hợp với Công an thị xã và các cơ quan, đơn vị liên quan trong việc phối hợp triển khai các hoạt động trên.',
      ]),
      s('2. Các cơ sở giáo dục trực thuộc Phòng GD&ĐT', [
        'Căn cứ chức năng, nhiệm vụ và tình hình thực tế của cơ sở để xây dựng kế hoạch triển khai thực hiện các nội dung của kế hoạch này. Chủ động, tích cực phối hợp với công an xã, phường để phối hợp thực hiện các giải pháp xây dựng mô hình an ninh cơ sở. Hằng năm, bố trí nguồn kinh phí hợp lý để tổ chức triển khai thực hiện các nhiệm vụ đảm bảo an ninh trật tự và an toàn trường học.',
      ]),
      s('3. Chế độ báo cáo', [
        'Yêu cầu người đứng đầu các cơ sở giáo dục nghiêm túc quán triệt tổ chức triển khai thực hiện kế hoạch này. Định kì báo cáo kết quả triển khai thực hiện 6 tháng (gửi trước ngày 10/6) và báo cáo 01 năm (gửi trước ngày 10/11) về Phòng GD&ĐT qua Email cmthcs.qy.quangninh@moet.edu.vn để tổng hợp báo cáo.',
      ]),
    ]),
  ],
  closing:
    'Trên đây là kế hoạch phối hợp triển khai thực hiện mô hình An ninh cơ sở, Phòng Giáo dục và Đào tạo yêu cầu các cơ sở giáo dục trực thuộc nghiêm túc triển khai thực hiện./.',
  recipients: ['Lãnh đạo PGD&ĐT (C/đ);', 'Các trường MN, TH, THCS (T/h);', 'Cổng TTĐT PGD&ĐT;', 'Lưu: VT (01).'],
  signer: { authority: 'KT. TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG', name: 'Nguyễn Minh Hoan' },
  periodStart: '2021-12-02',
};

// ─── 002 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Date and signer as in the seed ("Củ Chi, ngày 07 tháng 4 năm 2024", Trần Văn Toản); the
 * number and symbol are not shown and are illustrative. The bases' unclosed quotation marks are
 * closed, and the extraction's stray "nhóm" / "nv" marks are left out.
 */
const PLAN_002: Omit<PlanInput, 'unitId'> = {
  issuer: { superior: 'UBND HUYỆN CỦ CHI', name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO' },
  number: '512', // illustrative
  symbol: 'KH-GDĐT', // illustrative
  place: 'Củ Chi',
  issuedOn: '2024-04-07',
  title: 'Xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn huyện Củ Chi',
  bases: [
    'Căn cứ Hướng dẫn số 965/HĐ-CACC-XDPT ngày 28 tháng 02 năm 2023 của Công an huyện Củ Chi về “Xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc”;',
    'Căn cứ Hướng dẫn số 1303/HĐ-CA-MTTQ ngày 11 tháng 3 năm 2024 của Công an huyện Củ Chi và Ủy ban Mặt trận Tổ quốc Việt Nam huyện Củ Chi về “Xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn huyện”.',
  ],
  preamble:
    'Phòng Giáo dục và Đào tạo huyện triển khai Kế hoạch xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc với các nội dung cụ thể như sau:',
  sections: [
    s('I. MỤC ĐÍCH, YÊU CẦU', [
      '1. Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền, huy động sức mạnh tổng hợp của cả hệ thống chính trị trong phạm vi trường học cùng với toàn dân tham gia bảo đảm an ninh trật tự và phong trào toàn dân bảo vệ an ninh Tổ quốc. Tập trung xây dựng, phát động phong trào trên không gian mạng, các lĩnh vực, địa bàn trọng điểm phức tạp về trật tự an toàn xã hội, các cơ sở giáo dục trên địa bàn huyện.',
      '2. Nâng cao tinh thần cảnh giác, ý thức chấp hành pháp luật của đội ngũ cán bộ quản lý, giáo viên, nhân viên và học sinh trong các cơ sở giáo dục và đào tạo; chủ động phòng ngừa, tích cực đấu tranh trấn áp tội phạm và tệ nạn xã hội; đảm bảo trật tự an toàn giao thông, phòng, chống cháy nổ nhất là vào mùa khô; tham gia giáo dục học sinh thực hiện tốt an toàn giao thông, giáo dục các đối tượng học sinh cá biệt để các em nhận ra lỗi lầm và sửa sai,... góp phần vào việc giữ vững an ninh chính trị, đảm bảo trật tự an toàn xã hội.',
      '3. Các cơ sở giáo dục lấy lực lượng tự vệ cơ quan làm lực lượng nòng cốt trong phong trào toàn dân bảo vệ an ninh Tổ quốc. Phát huy dân chủ, sáng tạo, tinh thần tự giác, tự nguyện của đội ngũ cán bộ quản lý, giáo viên, nhân viên các cơ sở giáo dục và đào tạo tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc theo hướng tự phòng, tự quản, tự bảo vệ, tự hòa giải ở cơ sở. Việc xây dựng, nhân rộng mô hình, điển hình tiên tiến phải thiết thực, phù hợp và góp phần bảo đảm an ninh, trật tự trên từng địa bàn thuộc lĩnh vực giáo dục phụ trách.',
    ]),
    s('II. NỘI DUNG, BIỆN PHÁP THỰC HIỆN', [], [
      s('1. Công tác tham mưu, lãnh đạo, chỉ đạo', [
        'Tham mưu cấp ủy, chính quyền địa phương lãnh đạo, chỉ đạo thực hiện có hiệu quả các văn bản chỉ đạo của Đảng, Nhà nước và hướng dẫn của các cấp về phong trào toàn dân bảo vệ an ninh Tổ quốc; chú trọng đổi mới hình thức tổ chức, nội dung phù hợp với tình hình thực tiễn của đơn vị; triển khai Luật lực lượng tham gia bảo vệ an ninh trật tự ở cơ sở; tiếp tục thực hiện Kết luận số 44-KL/TW ngày 22 tháng 01 năm 2019 của Ban Bí thư Trung ương Đảng về “Tăng cường sự lãnh đạo của Đảng đối với phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới”.',
        'Tham mưu tổ chức sơ kết, tổng kết về công tác xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới; đổi mới phương pháp, cách thức, nội dung công tác tuyên truyền, vận động đấu tranh phòng, chống tội phạm và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc; quan tâm phát huy hiệu quả các loại hình tuyên truyền, nhất là tuyên truyền trên hệ thống loa phát thanh của nhà trường; thực hiện thường xuyên liên tục, phong phú về nội dung, đa dạng về hình thức, tạo được sự đồng thuận cao, góp phần xây dựng ý thức tự giác trong việc tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc.',
        'Tăng cường công tác phối hợp giữa các đoàn thể trong nhà trường, các tổ chuyên môn để đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn huyện. Các hoạt động của phong trào toàn dân bảo vệ an ninh Tổ quốc cần được lồng ghép với trong các hoạt động của nhà trường, các môn học hoạt động trải nghiệm – hướng nghiệp và môn Giáo dục công dân. Tham mưu cùng cấp ủy, chính quyền địa phương tập trung thực hiện có hiệu quả phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021-2025. Nâng cao chất lượng Chương trình xây dựng nông thôn mới thông qua việc xây dựng xã nông thôn nâng cao.',
        'Thực hiện hiệu quả việc xây dựng cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự” và phân loại phong trào toàn dân bảo vệ an ninh Tổ quốc theo quy định tại Thông tư số 124/2021/TT-BCA ngày 28 tháng 12 năm 2021 của Bộ Công an quy định khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”; Quyết định số 510/2022/QĐ-BCA-V05, ngày 20 tháng 01 năm 2022 của Bộ Công an quy định tiêu chí đánh giá, phân loại phong trào toàn dân bảo vệ an ninh Tổ quốc.',
        'Nâng cao chất lượng phong trào ở các địa bàn phức tạp về an ninh trật tự; củng cố, xây dựng và nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc theo hướng tự phòng, tự quản, tự bảo vệ, tự hòa giải ở cơ sở; phát triển rộng các hình thức cam kết, giao ước thi đua xây dựng cơ sở giáo dục an toàn về an ninh trật tự, không có tội phạm và tệ nạn xã hội; chủ động phát hiện, tố giác tội phạm, tăng cường công tác phòng, chống tội phạm, tệ nạn xã hội tại cơ quan, đơn vị.',
        'Duy trì, nâng cao chất lượng công tác phối hợp với lực lượng tự vệ tại cơ quan, đơn vị để bảo đảm an ninh, trật tự tại khu vực trường học. Tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” tập trung hướng về cơ sở để đông đảo cán bộ, công chức, viên chức, người lao động, học sinh và Nhân dân tham gia. Triển khai xây dựng mô hình mới trong phong trào toàn dân bảo vệ an ninh Tổ quốc phù hợp với đặc điểm địa bàn trường học, nâng cao chất lượng, sơ kết nhân rộng các mô hình hoạt động hiệu quả. Tăng cường trách nhiệm của người đứng đầu Chi ủy, Thủ trưởng đơn vị trong công tác xây dựng, phát động phong trào toàn dân bảo vệ an ninh Tổ quốc.',
        'Củng cố, nâng cao chất lượng hoạt động của lực lượng tự vệ cơ quan làm nòng cốt tham gia bảo vệ an ninh, trật tự ở cơ sở, lựa chọn người có năng lực, trình độ, có phẩm chất, uy tín tham gia các tổ chức quần chúng làm nhiệm vụ bảo vệ an ninh, trật tự. Tăng cường công tác hướng dẫn, kiểm tra, đôn đốc, khắc phục những hạn chế trong quá trình tổ chức xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc, kịp thời động viên khen thưởng những tập thể, cá nhân có thành tích xuất sắc trong công tác bảo vệ an ninh, trật tự gắn với phong trào toàn dân bảo vệ an ninh Tổ quốc tại cơ quan, đơn vị.',
      ]),
      s('2. Công tác tuyên truyền, vận động', [
        'Nội dung: Tiếp tục tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước, quy định của cơ quan, đơn vị về công tác đảm bảo an ninh trật tự; âm mưu, hoạt động “Diễn biến hòa bình” của các thế lực thù địch; phương thức, thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội. Tập trung tuyên truyền, vận động cán bộ, viên chức, người lao động tham gia phòng ngừa tội phạm, giữ gìn trật tự an toàn giao thông, phòng, chống cháy nổ, cứu hộ, cứu nạn, bảo vệ tài sản nhà trường, bảo vệ tài nguyên môi trường, đăng ký sử dụng các dịch vụ công trực tuyến, tài khoản định danh điện tử và ứng dụng VNeID.',
        'Biện pháp: Tăng cường ứng dụng công nghệ thông tin, Internet, mạng xã hội, mạng điện thoại di động, các nhóm Zalo, nhóm Messenger,... phục vụ cho công tác tuyên truyền, xây dựng các trang Fanpage trong các đơn vị trường học, đăng, phát các phóng sự, bài viết, các cuộc thi tìm hiểu về an ninh trật tự và an toàn giao thông. Tuyên truyền thông qua các hình thức căng băng rôn, kẻ panô, áp phích, khẩu hiệu, biên soạn tài liệu tuyên truyền về công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc, tổ chức cho cha mẹ học sinh và học sinh tham gia đăng ký cam kết tháng an toàn giao thông, năm an toàn giao thông.',
      ]),
      s('3. Công tác xây dựng phong trào trong nhà trường', [
        'Các cơ sở giáo dục thực hiện có hiệu quả văn bản chỉ đạo của Trung ương, của Thành phố, của huyện về công tác đảm bảo an ninh trật tự và an toàn giao thông, xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc, tiếp tục xây dựng cơ quan, đơn vị, các cơ sở giáo dục điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc và đạt “An toàn về an ninh trật tự”.',
        'Tiếp tục thực hiện có hiệu quả công tác phối hợp giữa cơ sở giáo dục và lực lượng Công an tại địa phương về đảm bảo an ninh trật tự. Duy trì thực hiện, nhân rộng các mô hình trong phong trào toàn dân bảo vệ an ninh Tổ quốc, nhất là mô hình “Trường học văn minh, học sinh thân thiện, không ma túy và bạo lực học đường”, “Đoàn viên, học sinh, sinh viên tham gia bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch, thông tin xấu độc, phòng chống tội phạm và vi phạm pháp luật trên không gian mạng” và các mô hình trên lĩnh vực đảm bảo trật tự an toàn giao thông, phòng, chống cháy nổ, cứu hộ, cứu nạn và công tác phòng thủ dân sự.',
        'Tổ chức tuyên truyền, vận động cán bộ, giáo viên, người lao động, học sinh và cha mẹ học sinh tham gia đảm bảo an ninh trật tự và an toàn giao thông bằng nhiều hình thức phù hợp, tăng cường ứng dụng công nghệ vào công tác tuyên truyền. Các cơ sở giáo dục xây dựng kế hoạch đảm bảo an ninh trật tự và an toàn giao thông, thực hiện tốt công tác bảo vệ bí mật Nhà nước, bảo vệ chính trị nội bộ, an toàn thông tin; thực hiện tốt mô hình theo hướng “Tự quản, tự phòng, tự bảo vệ” trong các cơ sở giáo dục, củng cố và hoàn thiện hệ thống phòng cháy và chữa cháy ở cơ sở, tập huấn các kỹ năng thoát hiểm cho đội ngũ cán bộ, giáo viên, nhân viên và người lao động.',
        'Đổi mới ứng dụng công nghệ thông tin, không gian mạng vào công tác tuyên truyền, vận động cán bộ, giáo viên, nhân viên và học sinh tham gia giữ gìn an ninh trật tự thiết thực, hiệu quả. Đẩy mạnh công tác tuyên truyền, giáo dục pháp luật về an ninh, trật tự, về đạo đức, lối sống lành mạnh, phòng chống tội phạm, ngăn chặn tình trạng bạo lực học đường, hậu quả của việc sử dụng các chất kích thích, ma túy và các tệ nạn xã hội khác.',
        'Chú trọng giáo dục học sinh ý thức chấp hành pháp luật, chấp hành quy định về trật tự an toàn giao thông, cảnh giác phòng ngừa tội phạm, tệ nạn xã hội và đấu tranh, phản bác các quan điểm sai trái, thù địch. Xây dựng, củng cố, kiện toàn lại các tổ nhà giáo tự quản về an ninh trật tự và tổ người học tự quản về an ninh trật tự theo quy định. Nâng cao chất lượng hoạt động của các tổ chức tự quản về an ninh trật tự trong các cơ sở giáo dục, đáp ứng yêu cầu xây dựng trường học an toàn về an ninh trật tự.',
      ]),
    ]),
    s('III. TỔ CHỨC THỰC HIỆN', [
      'Tuyên truyền, quán triệt, nâng cao nhận thức cho toàn thể cán bộ, giáo viên, nhân viên và người lao động những nội dung cốt lõi của chủ nghĩa Mác - Lê-nin, tư tưởng Hồ Chí Minh về vai trò, sức mạnh của nhân dân trong sự nghiệp cách mạng của đất nước và các quan điểm chỉ đạo của Đảng về phong trào “Toàn dân bảo vệ an ninh Tổ quốc” giai đoạn hiện nay.',
      'Các cơ sở giáo dục trên địa bàn huyện Củ Chi xây dựng kế hoạch nhân rộng mô hình, điển hình tiên tiến trong phong trào quần chúng bảo vệ an ninh Tổ quốc tại cơ quan, đơn vị. Đề xuất các giải pháp và triển khai đồng bộ phong trào an ninh trật tự và an toàn giao thông. Lực lượng tự vệ cơ quan là đơn vị nòng cốt trong phong trào toàn dân bảo vệ an ninh Tổ quốc, tham mưu nhân rộng các mô hình, gương điển hình tiên tiến trong phong trào toàn dân bảo vệ Tổ quốc.',
      'Tuyên truyền cho học sinh tiếp tục thực hiện giữ gìn an ninh trật tự trên địa bàn trường học, đảm bảo an toàn giao thông, giáo dục học sinh không vi phạm pháp luật, tránh xa những cám dỗ và thói hư tật xấu, không tham gia mua bán, tàng trữ và sử dụng các chất ma túy và các tệ nạn xã hội khác.',
      'Tuyên dương, khen thưởng những tổ chức, cá nhân tham gia vào phong trào tố giác tội phạm, đấu tranh phòng ngừa các loại tội phạm và tệ nạn xã hội, góp phần tích cực vào phong trào quần chúng bảo vệ an ninh Tổ quốc, giữ gìn trật tự công cộng, trật tự giao thông, phòng, chống cháy nổ, cứu hộ, cứu nạn và công tác phòng thủ dân sự.',
      'Thủ trưởng đơn vị căn cứ vào tình hình thực tế tại đơn vị phối hợp cùng với cơ quan Công an địa phương xây dựng Quy chế phối hợp trong phong trào quần chúng bảo vệ an ninh Tổ quốc. Thực hiện báo cáo sơ kết, tổng kết và báo cáo định kỳ về Phòng Giáo dục và Đào tạo huyện vào ngày 10/5 và 15/11 (thông qua bộ phận THCS: Ông Phan Nghĩa Bình Nam, Chuyên viên, 0908.453.175) để tổng hợp báo cáo Công an huyện Củ Chi.',
    ]),
  ],
  closing:
    'Trên đây là Kế hoạch xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn huyện của Phòng Giáo dục và Đào tạo huyện Củ Chi. Đề nghị Thủ trưởng các cơ quan đơn vị căn cứ vào tình hình thực tế để triển khai thực hiện./.',
  recipients: ['Công an huyện Củ Chi;', 'UB MTTQ VN huyện Củ Chi;', 'Các trường MN, TH, THCS;', 'Lưu: VT, PNBNam.03b.'],
  signer: { title: 'TRƯỞNG PHÒNG', name: 'Trần Văn Toản' },
  periodStart: '2024-04-07',
};

// ─── 003 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The district's plan, left as the seed has it: "Số: /KH-UBND", "Triệu Sơn, ngày tháng năm
 * 2021" — an unnumbered, undated draft, which is the one plan the demo keeps in draft. The four
 * paragraphs before part I, the last one naming its basis (Nghị quyết 08-NQ/HU of 05/10/2021),
 * form the preamble, one per line. The seed numbers its parts I, II, III, V (no IV); kept.
 */
const PLAN_003: Omit<PlanInput, 'unitId'> = {
  issuer: { name: 'ỦY BAN NHÂN DÂN HUYỆN TRIỆU SƠN' },
  number: null,
  symbol: 'KH-UBND',
  place: 'Triệu Sơn',
  issuedOn: null,
  title: 'Xây dựng mô hình “Khóa an toàn an ninh trật tự” trên địa bàn huyện Triệu Sơn',
  bases: [],
  preamble: [
    'Trong những năm qua, cấp ủy đảng, chính quyền, các ban, ngành, đoàn thể thường xuyên quan tâm đến công tác lãnh đạo, chỉ đạo đổi mới nội dung, phương pháp phát động phong trào toàn dân bảo vệ An ninh Tổ quốc (ANTQ). Do đó, phong trào toàn dân bảo vệ ANTT trên địa bàn huyện có sức lan tỏa mạnh mẽ, nhiều mô hình tự quản về an ninh trật tự (ANTT) ra đời, đi vào hoạt động hiệu quả, thu hút được đông đảo quần chúng nhân dân tham gia từng bước tạo chuyển biến tích cực trong công tác phòng, chống tội phạm, tệ nạn xã hội, bảo đảm ANTT, góp phần xây dựng và củng cố thế trận an ninh nhân dân ngày càng vững chắc, phục vụ có hiệu quả nhiệm vụ phát triển kinh tế - xã hội trên địa bàn.',
    'Tuy nhiên, việc xây dựng các mô hình tự quản về ANTT trong phong trào Toàn dân bảo vệ ANTT trên địa bàn chưa đáp ứng yêu cầu nhiệm vụ trong tình hình mới. Các mô hình tự quản phát triển chưa đồng đều; một số mô hình được xây dựng đi vào hoạt động mang tính hình thức, chưa phát huy hiệu quả; số lượng mô hình tự quản về ANTT trên địa bàn còn hạn chế, chưa được nhân rộng, chưa có sự đa dạng, chưa xây dựng được nhiều mô hình thiết thực có sức lôi cuốn nhân dân tự giác tham gia.',
    'Bên cạnh đó, tình hình tội phạm, tệ nạn xã hội, vi phạm pháp luật trên địa bàn vẫn diễn biến phức tạp, đặc biệt là tội phạm trộm cắp tài sản vẫn gây bức xúc trong quần chúng nhân dân; công tác tự phòng, tự quản, tự bảo vệ của một bộ phận quần chúng nhân dân chưa cao, còn tạo nhiều sơ hở, điều kiện thuận lợi cho các đối tượng thực hiện hành vi phạm tội, vi phạm pháp luật. Công tác phối hợp giữa lực lượng Công an với các cấp, các ngành, các tổ chức đoàn thể và quần chúng nhân dân trong công tác bảo đảm ANTT còn hạn chế, chưa rộng khắp; chưa có nhiều kênh thông tin liên lạc để quần chúng nhân dân thuận tiện trong công tác phối hợp, trao đổi thông tin cho lực lượng Công an.',
    'Trước những tình hình trên và căn cứ Nghị quyết số 08-NQ/HU ngày 05/10/2021 của Ban Thường vụ Huyện ủy Triệu Sơn, UBND huyện Triệu Sơn xây dựng mô hình “Khóa an toàn an ninh trật tự” trên địa bàn huyện với những nội dung cụ thể như sau:',
  ].join('\n'),
  sections: [
    s('I. MỤC TIÊU, YÊU CẦU', [], [
      s('1. Mục tiêu', [
        'Xây dựng mô hình “Khóa an toàn về ANTT” nhằm đổi mới nội dung, phương pháp để nâng cao chất lượng, hiệu quả công tác xây dựng phong trào toàn dân bảo vệ ANTQ; phát huy sức mạnh tổng hợp của cả hệ thống chính trị và mọi tầng lớp nhân dân trong công tác phòng, chống tội phạm, tệ nạn xã hội, bảo đảm ANTT; xây dựng, củng cố nền an ninh nhân dân, thế trận An ninh nhân dân gắn với thế trận quốc phòng toàn dân vững chắc, góp phần giữ vững an ninh chính trị, bảo đảm trật tự an toàn xã hội, thực hiện có hiệu quả các nhiệm vụ phát triển kinh tế - xã hội của địa phương.',
        'Tạo chuyển biến tích cực về nhận thức và phát huy tinh thần tự phòng, tự quản, tự bảo vệ trong quần chúng nhân dân, luôn cảnh giác trước mọi âm mưu, thủ đoạn thúc đẩy “tự diễn biến”, “tự chuyển hóa” của các thế lực thù địch, phản động; cảnh giác trước các thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội; hạn chế tối đa các sơ hở, điều kiện thuận lợi cho các đối tượng thực hiện hành vi phạm tội, vi phạm pháp luật.',
        'Tăng cường mối quan hệ phối hợp giữa lực lượng Công an với các cấp, các ngành, các tổ chức đoàn thể và quần chúng nhân dân trong công tác bảo đảm ANTT. Tạo mọi điều kiện thuận lợi để quần chúng nhân dân luôn thường xuyên, kịp thời phối hợp, cung cấp thông tin cho lực lượng Công an trong công tác phòng ngừa, phát hiện, đấu tranh ngăn chặn các hoạt động phạm tội, tệ nạn xã hội và các hành vi vi phạm pháp luật.',
      ]),
      s('2. Yêu cầu', [
        'Công tác xây dựng mô hình “Khóa an toàn an ninh trật tự” phải đáp ứng được yêu cầu thực tiễn, phục vụ có hiệu quả công tác bảo đảm ANTT; hoạt động của mô hình phải được duy trì thường xuyên, liên tục và gắn với thực hiện các phong trào thi đua yêu nước; tránh hình thức, chạy theo số lượng làm giảm sút tinh thần nhiệt tình của quần chúng nhân dân.',
        'Công tác xây dựng mô hình “Khóa an toàn an ninh trật tự” phải tuân thủ các quy định của pháp luật hiện hành; đồng thời phát huy được tinh thần quần chúng tự nguyện tham gia, tạo sự tập trung, thống nhất trong hành động; luôn đặt dưới sự lãnh đạo của Đảng, sự quản lý của chính quyền, sự hướng dẫn nghiệp vụ của lực lượng Công an.',
        'Cấp ủy, chính quyền, các cơ quan, đơn vị và các tổ chức đoàn thể phải nhận thức đầy đủ, tầm quan trọng của mô hình. Quá trình xây dựng, duy trì hoạt động của mô hình phải được thực hiện nghiêm túc, chất lượng, tránh qua loa, hình thức, đối phó.',
      ]),
    ]),
    s('II. NỘI DUNG TRỌNG TÂM', [
      '- Tiếp tục quán triệt, triển khai thực hiện nghiêm túc Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư Trung ương Đảng về "Tăng cường sự lãnh đạo của Đảng đối với phong trào toàn dân bảo vệ An ninh Tổ quốc trong tình hình mới". Tăng cường và đổi mới công tác lãnh đạo, chỉ đạo thực hiện phong trào toàn dân bảo vệ ANTQ, trọng tâm là công tác lãnh đạo, chỉ đạo xây dựng mô hình tự quản về ANTT.',
      '- Tập trung tổ chức tuyên truyền sâu rộng ý nghĩa, mục tiêu, tầm quan trọng của việc xây dựng và đưa mô hình “Khóa an toàn an ninh trật tự” vào hoạt động trên địa bàn, góp phần tạo khí thế, động lực, khích lệ quần chúng nhân dân tham gia.',
      '- BCĐ 138 huyện tham mưu cho Chủ tịch UBND huyện chỉ đạo lập hồ sơ xây dựng mô hình “Khóa an toàn về ANTT” trên địa bàn huyện; đồng thời tổ chức triển khai thực hiện đến từng thành viên và tổ chức ra mắt, phổ biến hoạt động của mô hình đến mọi tầng lớp nhân dân.',
      '- Tập trung nghiên cứu, xây dựng phương hướng, nhiệm vụ đưa mô hình hoạt động hiệu quả, thiết thực; chú trọng phát triển mô hình theo hướng gần gũi, gắn bó, thiết thực đối với quần chúng nhân dân; tạo mọi điều kiện thuận lợi để quần chúng nhân dân tự nguyện tham gia các hoạt động mô hình. Trong đó, cần tập trung một số nội dung:',
      '+ Thường xuyên tiến hành khảo sát, đánh giá công tác tự phòng, tự quản, tự bảo vệ tài sản của các cơ quan, đơn vị, các hộ gia đình và các cá nhân; mức độ an toàn của hệ thống khóa cửa, khóa bảo vệ tại các hộ gia đình, cơ quan, đơn vị trên địa bàn; những sơ hở, thiếu sót có thể làm phát sinh tội phạm, tệ nạn xã hội.',
      '+ Thường xuyên tổ chức tuần tra, kết hợp tổ chức tuyên truyền sâu rộng trong quần chúng nhân dân về âm mưu, thủ đoạn thúc đẩy “tự diễn biến”, “tự chuyển hóa” của các thế lực thù địch, phản động; các phương thức, thủ đoạn hoạt động của các loại tội phạm; tuyên truyền, nhắc nhở người dân về ý thức bảo vệ tài sản của cá nhân, của cộng đồng xã hội.',
      '+ Huy động mọi nguồn lực xã hội hóa xây dựng và duy trì chương trình ổ khóa, móc khóa trao tay người dân với phương châm ổ khóa để tăng cường công tác tự phòng, tự quản, tự bảo vệ của mỗi cá nhân, gia đình; móc chìa khóa là địa chỉ tin cậy để quần chúng nhân dân thuận tiện, kịp thời cung cấp thông tin, tình hình liên quan đến ANTT cho lực lượng Công an, chính quyền và các ban, ngành, đoàn thể, bảo đảm nhanh nhất, chính xác nhất và giải quyết các vấn đề về ANTT hiệu quả nhất.',
      '- Định kỳ thường xuyên tổng hợp, đánh giá tình hình hoạt động của mô hình, kịp thời báo cáo đề xuất khắc phục những tồn tại, hạn chế, đưa ra những giải pháp nâng cao hiệu quả hoạt động của mô hình, các giải pháp tăng cường công tác đảm bảo ANTT tại các khu dân cư, cơ quan, đơn vị, nhà trường; đồng thời đề xuất chế độ chính sách, thi đua khen thưởng đối với những cá nhân, tổ chức có thành tích xuất sắc trong xây dựng và duy trì hoạt động của mô hình.',
    ]),
    s('III. PHÂN CÔNG NHIỆM VỤ', [], [
      s('1. Ban chỉ đạo 138 huyện', [
        'Ban chỉ đạo 138 huyện có trách nhiệm giúp Chủ tịch UBND huyện trực tiếp, tập trung chỉ đạo toàn diện việc triển khai xây dựng và duy trì hoạt động mô hình “Khóa an toàn an ninh trật tự”; thường xuyên theo dõi, nắm tình hình hoạt động của mô hình.',
        'Báo cáo, đề xuất Chủ tịch UBND huyện chương trình, kế hoạch tổ chức lễ ra mắt mô hình để đưa mô hình vào hoạt động trước 30/11/2021. Chỉ đạo huy động mọi nguồn lực hợp pháp tổ chức thực hiện chương trình ổ khóa, móc khóa trao tay người dân.',
        'Đề xuất Chủ tịch UBND huyện quyết định thành lập Ban điều hành hoạt động của mô hình (theo đề nghị của Trưởng Công an huyện Triệu Sơn) để giúp Ban chỉ đạo tổ chức thực hiện các nhiệm vụ, hoạt động của mô hình; đồng thời định kỳ tổ chức sơ kết, đánh giá hoạt động của mô hình, kịp thời khắc phục những tồn tại, hạn chế, đề ra các giải pháp nâng cao hiệu quả hoạt động của mô hình.',
      ]),
      s('2. Công an huyện', [
        'Chủ trì tham mưu cho Ban chỉ đạo 138 huyện, Ban chỉ đạo xây dựng mô hình đề xuất Chủ tịch UBND huyện xây dựng, triển khai các chương trình, kế hoạch công tác xây dựng, chương trình ra mắt, duy trì hoạt động mô hình, các nội dung, biện pháp tổ chức hoạt động của mô hình; đồng thời là lực lượng nòng cốt, trực tiếp trong tổ chức thực hiện các nhiệm vụ công tác này đến các cơ quan, ban ngành, đoàn thể, lực lượng ở địa phương.',
        'Tham mưu cho Ban chỉ đạo 138 huyện báo cáo Chủ tịch UBND huyện ra quyết định thành lập Ban điều hành hoạt động của mô hình; xây dựng phương hướng, biện pháp bảo đảm mô hình hoạt động hiệu quả. Trực tiếp, chủ trì tổ chức, chỉ đạo, đôn đốc Ban điều hành mô hình hoạt động theo các nội dung, phương hướng đã đề ra.',
        'Hướng dẫn các mặt nghiệp vụ công tác cho thành viên Ban điều hành hoạt động của mô hình. Giúp Ban chỉ đạo 138 huyện xây dựng phương án tuần tra, nhắc nhở quần chúng nhân dân nâng cao cảnh giác tự phòng, tự quản, tự bảo vệ ANTT; đề xuất chương trình, kế hoạch ổ khóa, móc khóa trao tay người dân; xây dựng, cung cấp đầu mối thông tin liên lạc tại cơ sở để quần chúng nhân dân thuận tiện trao đổi, cung cấp các thông tin liên quan đến ANTT.',
        'Chủ trì cung cấp thông tin, phối hợp chặt chẽ các ban, ngành, đoàn thể tổ chức tuyên truyền, thông tin kịp thời mọi âm mưu, phương thức, thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội tại địa bàn cơ sở cho cán bộ, đảng viên và quần chúng nhân dân biết và đề cao cảnh giác.',
        'Giúp Ban chỉ đạo 138 huyện tổng hợp thông tin, tình hình, đánh giá những khó khăn, tồn tại hạn chế trong quá trình hoạt động của mô hình. Hàng tháng, đánh giá và báo cáo đề xuất phương hướng hoạt động của mô hình cho phù hợp với tình hình thực tế. Định kỳ 06 tháng, 01 năm tham mưu Ban chỉ đạo 138 sơ kết hoạt động mô hình, rút ra các bài học kinh nghiệm và đề xuất phương hướng hoạt động trong thời gian tới.',
      ]),
      s('3. Ban chỉ đạo xây dựng mô hình', [
        'Giúp việc cho Ban chỉ đạo 138 huyện, có trách nhiệm chỉ đạo, tổ chức thực hiện việc xây dựng, ra mắt mô hình. Sau khi Mô hình được xây dựng, ra mắt và đi vào hoạt động thì Ban chỉ đạo xây dựng mô hình phải có trách nhiệm chuyển giao các nhiệm vụ tổ chức thực hiện hoạt động của mô hình cho Ban chỉ đạo 138 huyện; đồng thời tự giải thể.',
      ]),
      s('4. Ban điều hành hoạt động của mô hình', [
        'Giúp Ban chỉ đạo 138 huyện tổ chức thực hiện các nhiệm vụ, nội dung hoạt động của mô hình theo sự chỉ đạo, hướng dẫn của Công an huyện. Trong đó:',
        '- Hàng quý, phối hợp Công an các xã, thị trấn tiến hành khảo sát, đánh giá công tác tự phòng, tự quản, tự bảo vệ tài sản của các cơ quan, đơn vị, các hộ gia đình và các cá nhân; mức độ an toàn của hệ thống khóa cửa, khóa bảo vệ tại các hộ gia đình, cơ quan, đơn vị trên địa bàn; những sơ hở, thiếu sót có thể làm phát sinh tội phạm, tệ nạn xã hội.',
        '- Hàng tuần tổ chức tuần tra, tổ chức tuyên truyền đến tận người dân nâng cao ý thức cảnh giác tự phòng, tự quản, tự bảo vệ; tuyên truyền nâng cao cảnh giác về âm mưu, thủ đoạn thúc đẩy “tự diễn biến”, “tự chuyển hóa” của các thế lực thù địch; tình hình thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội trên địa bàn.',
        '- Thường xuyên tổng hợp, báo cáo tình hình hoạt động của mô hình, đánh giá những khó khăn, tồn tại, hạn chế; định kỳ 06 tháng, 01 năm tiến hành sơ kết hoạt động mô hình và kiến nghị đề xuất Ban chỉ đạo 138 huyện (qua Đội Tổng hợp, Công an huyện) để kịp thời tháo gỡ, bảo đảm mô hình hoạt động ý nghĩa và hiệu quả.',
      ]),
      s('5. Mặt trận tổ quốc và các cơ quan, ban, ngành, đoàn thể có liên quan', [
        'Chủ trì tổ chức tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến mọi người dân; tuyên truyền về vai trò của quần chúng nhân dân trong công tác bảo đảm ANTT và tham gia xây dựng phong trào toàn dân bảo vệ ANTQ. Chú trọng tuyên truyền ý nghĩa, mục tiêu, tầm quan trọng của việc xây dựng mô hình; quá trình xây dựng và ra mắt hoạt động của mô hình.',
        'Vận động quần chúng nhân dân tích cực tham gia xây dựng và duy trì hoạt động của mô hình; đồng thời, tham gia thực hiện các nhiệm vụ khác do Ban chỉ đạo 138 huyện phân công trong quá trình triển khai xây dựng và duy trì hoạt động của mô hình.',
      ]),
      s('6. Trung tâm văn hóa thể dục thể thao huyện', [
        'Thường xuyên xây dựng, đưa tin, bài tuyên truyền về quá trình xây dựng và tổ chức hoạt động của mô hình; chú trọng tuyên truyền ý nghĩa, mục tiêu, tầm quan trọng của việc xây dựng mô hình; quá trình xây dựng và ra mắt hoạt động của mô hình; hiệu quả hoạt động của mô hình trong công tác bảo đảm ANTT thúc đẩy phong trào toàn dân bảo vệ ANTQ.',
        'Phối hợp các cơ quan, đơn vị, tổ chức đoàn thể đẩy mạnh tuyên truyền, phổ biến đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến mọi người dân; âm mưu, thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội để nhân dân luôn nâng cao cảnh giác.',
      ]),
      s('7. Phòng tài chính', [
        'Phối hợp Công an huyện tham mưu trình UBND huyện bố trí kinh phí thực hiện Kế hoạch theo ngân sách địa phương và các nguồn kinh phí hợp pháp khác theo quy định của pháp luật.',
      ]),
      s('8. Phòng Nội vụ', [
        'Phối hợp với Công an huyện đề xuất Chủ tịch UBND huyện và cấp có thẩm quyền xem xét khen thưởng các tập thể, cá nhân có nhiều thành tích xuất sắc trong quá trình xây dựng và duy trì hoạt động của mô hình.',
      ]),
    ]),
    s('V. TỔ CHỨC THỰC HIỆN', [
      '1. Căn cứ kế hoạch này, đề nghị thủ trưởng các cơ quan, ban ngành, đoàn thể nghiêm túc tổ chức triển khai thực hiện.',
      '2. Giao cho Công an huyện chủ trì, phối hợp các cơ quan, đơn vị, đoàn thể có liên quan tham mưu giúp Ban chỉ đạo 138 huyện hướng dẫn, kiểm tra, đôn đốc thực hiện kế hoạch này.',
    ]),
  ],
  closing:
    'Hoàn thiện mọi hồ sơ và ra mắt mô hình trước 30/11/2021. Định kỳ 06 tháng, 01 năm tổ chức sơ kết đánh giá tình hình, kết quả công tác và đề ra phương hướng, nhiệm vụ thực hiện trong thời gian tiếp theo; đồng thời tập hợp những vấn đề khó khăn vướng mắc báo cáo Chủ tịch UBND huyện chỉ đạo thực hiện./.',
  recipients: [
    'Công an tỉnh (PV05);',
    'Thường trực huyện ủy;',
    'Thường trực HĐND huyện;',
    'Các đ/c phó Chủ tịch UBND huyện;',
    'UBMTTQ Việt Nam huyện;',
    'Các phòng, ban ngành cấp huyện;',
    'BCH quân sự huyện;',
    'Công an huyện;',
    'Lưu: VT.',
  ],
  signer: { title: 'CHỦ TỊCH', name: 'Vũ Đức Kính' },
  periodStart: '2021-11-01',
  periodEnd: '2022-11-30',
};

// ─── 004 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * OCR text without diacritics, written back with them. The scan has no header, number, date,
 * recipients or signature: the issuer is xã Đồng Thịnh's People's Committee (huyện Ngọc Lặc,
 * named in the text), the date follows Kế hoạch 97-KH/ĐU of 30/01/2024 which it implements, and
 * number, date and signer are illustrative; recipients are left empty as the scan has none.
 * Readings of garbled words: "tgé tri mot phﬁn kinh phi" → "bố trí một phần kinh phí";
 * "luc lugng cong an e thuc hién" → "lực lượng Công an xã thực hiện"; "Pang" → "Đảng",
 * "BU" → "ĐU". In part IV the first item carries no number and the third is printed "2." again;
 * they are numbered 1–4 here. The background paragraph, the "Thực hiện …" sentence and the
 * introduction keep their order, so all three are in the preamble.
 */
const PLAN_004: Omit<PlanInput, 'unitId'> = {
  issuer: { superior: 'UBND HUYỆN NGỌC LẶC', name: 'ỦY BAN NHÂN DÂN XÃ ĐỒNG THỊNH' },
  number: '24', // illustrative
  symbol: 'KH-UBND',
  place: 'Đồng Thịnh',
  issuedOn: '2024-02-19', // illustrative, after 30/01/2024
  title: 'Thực hiện phong trào “Tiếng kẻng bình yên” và xây dựng mô hình “Tổ liên gia an toàn về PCCC” giai đoạn 2023-2026',
  bases: [],
  preamble: [
    'Từ tháng 9/2017, phong trào “Tiếng kẻng bình yên” được triển khai đồng bộ, rộng khắp tại 08 thôn, làng (nay là 07 thôn, làng) trên địa bàn xã; được cấp ủy, chính quyền và Nhân dân nhiệt tình hưởng ứng. Tiếng kẻng báo yên hằng đêm đã ăn sâu vào tiềm thức của phần lớn người dân, giúp Nhân dân luôn nêu cao tinh thần cảnh giác trong phòng ngừa tội phạm cũng như nhiệt tình tham gia đấu tranh, tố giác tội phạm và các vi phạm pháp luật, góp phần ổn định ANTT ngay tại cơ sở, tạo điều kiện để phát triển kinh tế - xã hội của địa phương. Trong thời gian qua, có thời điểm ở một số nơi phong trào chưa được quan tâm trong công tác lãnh đạo, chỉ đạo và tổ chức thực hiện. Tuy nhiên, qua sơ kết 05 năm thực hiện phong trào được đánh giá là rất thiết thực và hiệu quả, cần được duy trì và phát huy hơn nữa trong thời gian tới.',
    'Thực hiện kế hoạch số 97-KH/ĐU xã Đồng Thịnh ngày 30 tháng 01 năm 2024; Thực hiện phong trào “Tiếng kẻng bình yên” và xây dựng mô hình “Tổ liên gia an toàn về PCCC” giai đoạn 2023-2026;',
    'UBND xã xây dựng Kế hoạch thực hiện phong trào “Tiếng kẻng bình yên” và xây dựng mô hình “Tổ liên gia an toàn về PCCC” giai đoạn 2023-2026 trên địa bàn xã với các nội dung sau:',
  ].join('\n'),
  sections: [
    s('I. MỤC ĐÍCH, YÊU CẦU', [], [
      s('1. Mục đích', [
        '- Phát huy sức mạnh tổng hợp của cả hệ thống chính trị từ xã đến cơ sở cùng toàn thể Nhân dân tích cực tham gia hiệu quả các phong trào phát triển kinh tế - xã hội trên địa bàn huyện nói chung, phong trào “Tiếng kẻng bình yên” và xây dựng mô hình “Tổ liên gia an toàn về PCCC” nói riêng; nêu cao tinh thần trách nhiệm, tạo sự chuyển biến mạnh mẽ, căn cơ về chất lượng hoạt động của các lực lượng tham gia bảo vệ ANTT tại cơ sở, hỗ trợ tích cực cho công tác phòng, chống tội phạm, tệ nạn xã hội, công tác phòng cháy chữa cháy và cứu nạn cứu hộ (PCCC&CNCH) bảo đảm giữ vững ổn định về ANTT, tạo thuận lợi để phát triển kinh tế - xã hội địa phương.',
        '- Nâng cao nhận thức, trách nhiệm của các cấp ủy, chính quyền, MTTQ và các tổ chức chính trị - xã hội, ý thức cảnh giác của Nhân dân trong công tác phòng ngừa, đấu tranh tội phạm và các vi phạm pháp luật; phát huy hiệu quả công tác “Tự phòng, Tự quản, Tự bảo vệ”; tạo sự chuyển biến mạnh mẽ trong nhận thức và hành động để bảo vệ ANTQ, đảm bảo ANTT ở cơ sở trở thành thói quen, nếp sống văn minh của mỗi công dân, hộ gia đình, cơ quan, đơn vị trên địa bàn xã. Góp phần xây dựng Ngọc Lặc trở thành huyện nông thôn mới vào năm 2025.',
      ]),
      s('2. Yêu cầu', [
        '- Tổ chức thực hiện phong trào phải bảo đảm đồng bộ, thiết thực, hiệu quả, huy động được mọi tầng lớp Nhân dân tích cực tham gia, tạo nên phong trào rộng khắp ở tất cả các khu dân cư trên địa bàn xã; gắn với tiếp tục thực hiện Chỉ thị số 10, Đề án 375 của Chủ tịch UBND tỉnh; Thông tư số 124 của Bộ Công an quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về ANTT”; Quyết định số 510 của Bộ Công an “Quy định Tiêu chí đánh giá, phân loại phong trào toàn dân bảo vệ an ninh Tổ quốc”; tiêu chí số 19 trong bộ tiêu chí Quốc gia xây dựng nông thôn mới. Đưa công tác đấu tranh, phòng chống tội phạm, tệ nạn xã hội, công tác PCCC&CNCH trở thành hoạt động thường xuyên, đi vào nếp sống của Nhân dân.',
        '- Cấp ủy, chính quyền, các ban, ngành, đoàn thể các cấp phải xác định đây là nhiệm vụ quan trọng, xuyên suốt để tăng cường công tác chỉ đạo, điều hành, kiểm tra, giám sát và chịu trách nhiệm trước Đảng ủy về kết quả triển khai, thực hiện trên địa bàn.',
      ]),
    ]),
    s('II. MỤC TIÊU, CHỈ TIÊU', [], [
      s('1. Mục tiêu', [
        '- Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền, sự vào cuộc quyết liệt của MTTQ và các tổ chức chính trị - xã hội; huy động các lực lượng xã hội, các tầng lớp Nhân dân tham gia tích cực công tác đấu tranh, phòng chống các loại tội phạm, tệ nạn xã hội trên địa bàn xã. Đẩy mạnh thực hiện các giải pháp nhằm nâng cao ý thức, trách nhiệm và tạo sự chuyển biến mạnh mẽ trong nhận thức và hành động để việc giữ gìn ANTQ, đảm bảo ANTT, PCCC&CNCH ở cơ sở trở thành thói quen, nếp sống văn minh của mỗi công dân, hộ gia đình, cơ quan, đơn vị trên địa bàn xã. Từ đó, góp phần xây dựng Ngọc Lặc trở thành huyện nông thôn mới vào năm 2025.',
      ]),
      s('2. Chỉ tiêu', [
        '- 100% các cơ quan, đơn vị xây dựng kế hoạch thực hiện và triển khai cụ thể đến các thôn, làng, đơn vị; tổ chức quán triệt, tuyên truyền đến toàn thể cán bộ, đảng viên và Nhân dân về mục đích, yêu cầu, mục tiêu, chỉ tiêu, nhiệm vụ và các giải pháp thực hiện phong trào.',
        '- 100% thôn, làng trên địa bàn xã thực hiện đồng bộ đánh kẻng vào lúc 22 giờ hằng ngày và đột xuất khi có vụ việc liên quan đến ANTT, cháy nổ xảy ra.',
        '- Phấn đấu dần hoàn thiện và phủ khắp “Tổ liên gia an toàn về PCCC” trên địa bàn xã đạt tỷ lệ 100%.',
      ]),
    ]),
    s('III. NHIỆM VỤ VÀ GIẢI PHÁP', [], [
      s('1. Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền trong thực hiện phong trào tại cơ sở', [
        '- Các cấp ủy Đảng, chính quyền, người đứng đầu cơ quan, đơn vị tập trung công tác lãnh đạo, chỉ đạo, triển khai và tổ chức thực hiện có hiệu quả phong trào, nhằm hạn chế đến mức thấp nhất tội phạm, các vi phạm pháp luật và tệ nạn xã hội, cũng như các vụ việc xảy ra liên quan đến công tác PCCC&CNCH trên địa bàn quản lý.',
        '- Đưa công tác toàn dân bảo vệ ANTQ, giữ gìn ANTT, PCCC&CNCH ở cơ sở trở thành chỉ tiêu đánh giá thi đua của đơn vị, địa phương hằng năm và là một trong những tiêu chuẩn xét tặng danh hiệu gia đình văn hóa, khu dân cư văn hóa, đơn vị đạt chuẩn văn hóa, khu dân cư đạt tiêu chuẩn “An toàn về ANTT”.',
        '- Tăng cường trách nhiệm nêu gương của cán bộ, đảng viên trong việc tham gia công tác bảo đảm ANTT tại cơ sở. Hằng tháng, trong sinh hoạt cấp ủy, chi bộ ở các tổ chức cơ sở Đảng cần gắn với đánh giá, kiểm điểm việc lãnh đạo, chỉ đạo và kết quả tổ chức thực hiện các phong trào nói chung, trong đó đánh giá đúng thực chất hoạt động của phong trào.',
      ]),
      s('2. Đẩy mạnh công tác tuyên truyền, giáo dục nâng cao nhận thức, trách nhiệm của toàn dân trong công tác bảo vệ ANTT ở cơ sở', [
        '- UBND xã đẩy mạnh công tác tuyên truyền, quán triệt, phổ biến sâu rộng các chủ trương của Đảng, chính sách, pháp luật của Nhà nước, các văn bản chỉ đạo về công tác toàn dân bảo vệ ANTQ, giữ gìn ANTT ở cơ sở.',
        '- Tăng cường đổi mới nội dung, đa dạng hóa hình thức tuyên truyền theo hướng thiết thực, hiệu quả nhằm tạo sự chuyển biến mạnh mẽ từ nhận thức đến hành động của các cấp, các ngành, các cơ quan, đơn vị, địa phương, cơ sở sản xuất, kinh doanh và các tầng lớp Nhân dân đối với công tác xây dựng phong trào toàn dân bảo vệ ANTQ nói chung, phong trào “Tiếng kẻng bình yên” và xây dựng mô hình “Tổ liên gia an toàn về PCCC” nói riêng.',
      ]),
      s('3. Phát huy mạnh mẽ vai trò, trách nhiệm của Khối dân vận từ xã đến cơ sở đối với công tác tổ chức, thực hiện phong trào tại cơ sở', [
        '- Khối Dân vận Đảng ủy, Ủy ban MTTQ và các tổ chức chính trị - xã hội thường xuyên đổi mới nội dung, phương thức hoạt động, phát huy tính chủ động, sáng tạo, đẩy mạnh công tác tuyên truyền, vận động đoàn viên, hội viên và các tầng lớp Nhân dân tích cực tham gia thực hiện tốt công tác bảo đảm ANTT, công tác PCCC từ cơ sở. Xác định tuyên truyền, vận động là nhiệm vụ quan trọng, thường xuyên, lâu dài của cả hệ thống chính trị, trong đó Tổ dân vận các thôn, làng, Ban công tác Mặt trận, các chi hội đoàn thể là lực lượng nòng cốt.',
        '- Tổ chức thực hiện phong trào gắn với các cuộc vận động, các phong trào thi đua “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, phong trào “Ngày Chủ nhật sạch”, “Tuyến đường sáng, xanh, sạch, đẹp”, “Nhà sạch vườn đẹp, hàng rào xanh”, “Dòng họ tự quản về ANTT”,... đảm bảo toàn bộ các thôn, làng, ngõ xóm bình yên sau tiếng kẻng.',
      ]),
      s('4. Nâng cao hiệu lực quản lý Nhà nước về bảo vệ ANTQ, giữ gìn ANTT ở cơ sở', [
        '- Tăng cường công tác quản lý Nhà nước về bảo vệ ANTQ; củng cố, kiện toàn Ban Chỉ đạo ANTT xã; kịp thời lựa chọn, thay thế, kiện toàn thành viên các Tổ bảo vệ ANTT, Tổ ANXH đầy đủ về số lượng và đảm bảo chất lượng, hoạt động có hiệu lực, hiệu quả, bảo đảm ANTT ngay tại cơ sở.',
        '- UBND xã là chủ thể chính trong công tác triển khai, thực hiện, công tác kiểm tra, đôn đốc, sơ kết đánh giá kết quả hoạt động của phong trào trên địa bàn quản lý.',
        '- Tăng cường công tác tuần tra vũ trang, tuần tra Nhân dân sau khi đánh kẻng vào 22 giờ hằng đêm; kịp thời phát hiện, ngăn chặn các hành vi vi phạm pháp luật xảy ra; kiên quyết không để xảy ra tình trạng phạm tội, vi phạm pháp luật, tệ nạn xã hội kéo dài gây hoang mang, bức xúc trong Nhân dân.',
        '- Cấp ủy, chính quyền phải thường xuyên động viên, chăm lo và hỗ trợ cả về vật chất lẫn tinh thần cho lực lượng tham gia bảo vệ ANTT tại cơ sở.',
      ]),
      s('5. Kinh phí thực hiện', [
        '- Hằng năm, UBND xã, các cơ quan, đơn vị, doanh nghiệp bố trí một phần kinh phí và huy động nguồn hợp pháp khác (của các doanh nghiệp, tổ chức, hộ gia đình, cá nhân) cho việc thực hiện phong trào.',
        '- Hỗ trợ cho người thực hiện đánh kẻng: Từ nguồn huy động đóng góp hợp pháp khác của các tổ chức, cá nhân, doanh nghiệp và hộ gia đình.',
      ]),
    ]),
    s('IV. TỔ CHỨC THỰC HIỆN', [
      '1. Các Chi bộ trực thuộc và các cơ quan, đơn vị theo chức năng, nhiệm vụ được giao, xây dựng Kế hoạch thực hiện và quán triệt, triển khai nội dung Kế hoạch này đến toàn thể cán bộ, đảng viên, công chức, viên chức, người lao động và Nhân dân. Hằng năm bổ sung vào các chỉ tiêu thi đua gắn với các nhiệm vụ phát triển kinh tế - xã hội, nhiệm vụ của từng cơ quan, đơn vị và xây dựng Kế hoạch tổ chức thực hiện cụ thể tại địa phương, cơ quan, đơn vị đạt hiệu quả.',
      '- Giao UBND xã chỉ đạo lựa chọn vị trí treo kẻng, số lượng kẻng và phân công lực lượng đánh kẻng phù hợp tại các thôn, làng. Đồng thời triển khai đến các thôn, làng, cơ quan, đơn vị đóng trên địa bàn về đóng góp kinh phí hỗ trợ cho người trực tiếp thực hiện đánh kẻng hằng ngày. Rà soát thực trạng toàn bộ số lượng kẻng đã được hỗ trợ cho các thôn, làng thực hiện phong trào để có cơ sở đánh giá, đề xuất những địa bàn dân cư trong thôn, làng quá xa bố trí tăng thêm số lượng kẻng. Đối với các thôn, làng làm mất kẻng hoặc hư hỏng thì chủ động mua để thực hiện duy trì đánh kẻng thường xuyên theo quy định.',
      'Chỉ đạo rà soát, khảo sát các cụm dân cư, đề ra phương án, lộ trình phù hợp xây dựng “Tổ liên gia an toàn về PCCC” trên địa bàn xã.',
      '2. Giao Công an xã tham mưu cho UBND xã ban hành hướng dẫn về quy định kẻng, tiếng kẻng (gồm: Tiếng kẻng bình yên, tiếng kẻng báo động) và xây dựng mô hình “Tổ liên gia an toàn về PCCC”. Triển khai đến toàn thể lực lượng Công an xã thực hiện phong trào. Phối hợp với các phòng, ban ngành và các cơ quan đơn vị triển khai, thực hiện hiệu quả phong trào.',
      '3. Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã phối hợp với các ngành chức năng tăng cường công tác tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tích cực tham gia phong trào đạt hiệu quả.',
      '4. Giao UBND xã hướng dẫn thực hiện phong trào. Chỉ đạo các cơ quan, đơn vị, thôn, làng có liên quan xây dựng kế hoạch, tổ chức triển khai thực hiện hiệu quả phong trào trên địa bàn toàn xã.',
    ]),
  ],
  closing: 'Các thôn, làng tổ chức thực hiện kế hoạch; hằng năm báo cáo UBND xã để tổng hợp báo cáo Đảng ủy kết quả triển khai và tổ chức thực hiện./.',
  recipients: [],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Phạm Văn Thành' }, // name illustrative
  periodStart: '2023-01-01',
  periodEnd: '2026-12-31',
};

/** The seed documents, in seed order, for the loader and for tests. */
export const DEMO_PLAN_DOCUMENTS = { '000': PLAN_000, '001': PLAN_001, '002': PLAN_002, '003': PLAN_003, '004': PLAN_004 } as const;

// ─── loading ──────────────────────────────────────────────────────────────────────────────────

type Ctx = { actor: Actor };

/** Communes that replaced huyện Triệu Sơn, the first holding the former district seat. */
const TRIEU_SON_SUCCESSORS = ['15664', '15667', '15682', '15715', '15724', '15754', '15763', '15766'];

/** Work due this many days before the load stays open (overdue); older work is ticked off. */
const OPEN_WINDOW_DAYS = 45;

interface TaskSpec {
  title: string;
  description?: string;
  lead: number;
  support?: number[];
  recurrence: Recurrence;
  startsOn?: string;
  endsOn?: string;
  /** What was recorded when an occurrence was ticked off (none for a measured task). */
  evidence?: string;
  /** Occurrences due within this many days before the load stay open; default OPEN_WINDOW_DAYS. */
  openDays?: number;
  /** What recorded data answers the task; such a task is never ticked off by hand. */
  measure?: Measure;
}

export async function systemActor(db: Kysely<DB>): Promise<Ctx> {
  const root = await getRoot(db);
  const user = await db.selectFrom('users').select('id').where('username', '=', 'quantri').executeTakeFirst();
  if (!root || !user) throw new Error('demo plans: the root unit and the user quantri must exist first');
  return {
    actor: {
      userId: user.id, username: 'quantri', fullName: 'Quản trị hệ thống',
      grants: [{ id: 0, unitId: root.id, unitPath: root.path, unitName: 'Việt Nam', role: 'admin' }],
    },
  };
}

/** Today's units by code, and the demo's own units by name under a commune. */
async function unitsOf(db: Kysely<DB>, code: string) {
  const commune = await getUnitByCode(db, code);
  if (!commune) throw new Error(`demo plans: commune ${code} missing`);
  const children = await db.selectFrom('units').select(['id', 'name', 'kind']).where('parent_id', '=', commune.id).orderBy('id').execute();
  const byName = (name: string) => {
    const u = children.find((c) => c.name === name);
    if (!u) throw new Error(`demo plans: ${name} missing under ${commune.name}`);
    return u.id;
  };
  return { commune, byName, villages: children.filter((c) => c.kind === 'village').map((c) => c.id) };
}

async function issuePlan(db: Kysely<DB>, ctx: Ctx, unitId: number, doc: Omit<PlanInput, 'unitId'>, issue: boolean) {
  const plan = await plans.createPlan(db, ctx, PlanInput.parse({ ...doc, unitId }));
  if (issue) await plans.setStatus(db, ctx, plan.id, 'issued');
  return plan.id;
}

/** Adds the tasks, then ticks off every occurrence due before each task's open window. */
async function addTasks(db: Kysely<DB>, ctx: Ctx, planId: number, tasks: TaskSpec[], today: string) {
  for (const t of tasks) {
    const cutoff = addDays(today, -(t.openDays ?? OPEN_WINDOW_DAYS));
    const task = await plans.addTask(db, ctx, planId, {
      title: t.title, description: t.description, leadUnitId: t.lead, supportUnitIds: t.support,
      recurrence: t.recurrence, startsOn: t.startsOn, endsOn: t.endsOn, measure: t.measure,
    });
    if (t.measure) continue;
    const past = await db
      .selectFrom('task_occurrences').select('id')
      .where('task_id', '=', task.id).where('due_on', '<', cutoff).where('status', '=', 'open')
      .orderBy('due_on').execute();
    for (const o of past) await plans.updateOccurrence(db, ctx, o.id, { status: 'done', evidence: t.evidence });
    // Ticked off on the day each fell due, not all at load time, so "done recently" reads as it would.
    await db.updateTable('task_occurrences')
      .set({ done_at: sql`(due_on + coalesce(due_time, '17:00')::time) at time zone 'Asia/Ho_Chi_Minh'` })
      .where('task_id', '=', task.id).where('status', '=', 'done').execute();
  }
}

/** Records actual dates of an instance's steps (only those not in the future). */
async function stepsDone(db: Kysely<DB>, ctx: Ctx, instanceId: number, today: string, steps: [Step, string, string | null, string?][]) {
  for (const [step, actualStart, actualEnd, responsible] of steps) {
    if (actualStart > today) continue;
    await models.updateStep(db, ctx, instanceId, step, {
      actualStart, actualEnd: actualEnd && actualEnd <= today ? actualEnd : null, ...(responsible && { responsible }),
    });
  }
}

async function templateId(db: Kysely<DB>, key: string) {
  const t = await db.selectFrom('model_templates').select('id').where('builtin_key', '=', key).where('is_current', '=', true).executeTakeFirst();
  if (!t) throw new Error(`demo plans: built-in template ${key} missing`);
  return t.id;
}

/**
 * Loads the five seed plans with their tasks and model instances. Runs once, right after the
 * demo units and users exist (loadDemo), outside their transaction.
 */
export async function loadDemoPlans(db: Kysely<DB>): Promise<void> {
  // The demo's models stand on the built-in templates; make sure they are there whoever calls this.
  await models.loadBuiltinTemplates(db);
  const ctx = await systemActor(db);
  const today = todayVN();

  const thuongHa = await unitsOf(db, '02968');
  const quangYen = await unitsOf(db, '07132');
  const cuChi = await unitsOf(db, '27553');
  const trieuSon = await unitsOf(db, '15664');
  const thachLap = await unitsOf(db, '15085');
  const trieuSonOthers: number[] = [];
  for (const code of TRIEU_SON_SUCCESSORS.slice(1)) trieuSonOthers.push((await getUnitByCode(db, code))!.id);

  // Thạch Lập has only its police in the base demo; plan 004 gives tasks to the commune's
  // People's Committee and its Fatherland Front.
  const thachLapUbnd = (await createUnit(db, ctx, { parentId: thachLap.commune.id, kind: 'agency', subkind: 'UBND xã', name: 'UBND xã Thạch Lập' })).id;
  const thachLapMttq = (await createUnit(db, ctx, { parentId: thachLap.commune.id, kind: 'agency', subkind: 'Mặt trận Tổ quốc', name: 'Ủy ban MTTQ Việt Nam xã Thạch Lập' })).id;

  const thCongAn = thuongHa.byName('Công an xã Thượng Hà');
  const thUbnd = thuongHa.byName('UBND xã Thượng Hà');
  const thSchool = thuongHa.byName('Trường THCS Điện Quan');
  const qySchool = quangYen.byName('Trường THCS Quảng Yên');
  const qyCongAn = quangYen.byName('Công an phường Quảng Yên');
  const qyVhxh = quangYen.byName('Phòng Văn hóa - Xã hội phường Quảng Yên');
  const ccSchool = cuChi.byName('Trường THCS Củ Chi');
  const ccCongAn = cuChi.byName('Công an xã Củ Chi');
  const tsCongAn = trieuSon.byName('Công an xã Triệu Sơn');
  const tsUbnd = trieuSon.byName('UBND xã Triệu Sơn');
  const tlCongAn = thachLap.byName('Công an xã Thạch Lập');

  // ── 000: Cổng trường an toàn giao thông, Trường THCS Điện Quan ──
  const p000 = await issuePlan(db, ctx, thuongHa.commune.id, PLAN_000, true);
  await addTasks(db, ctx, p000, [
    {
      title: 'Khảo sát, đánh giá thực trạng tình hình địa bàn tại Trường THCS Điện Quan, tập hợp theo biểu mẫu',
      description: 'Bước 1 — dự kiến đầu tháng 04/2024; Công an xã phối hợp tổ chức khảo sát thực trạng.',
      lead: thCongAn, support: [thSchool], recurrence: { freq: 'once', due: '2024-04-05' },
      evidence: 'Đã khảo sát cổng trường, giờ tan học và các điểm giao cắt; phiếu khảo sát theo biểu mẫu.',
    },
    {
      title: 'Họp Ban giám hiệu, giáo viên triển khai nội dung xây dựng mô hình; quyết định thành lập tổ giúp việc',
      description: 'Đầu tháng 04/2024; tập hợp số liệu xây dựng các văn bản, quyết định.',
      lead: thSchool, support: [thCongAn, thUbnd], recurrence: { freq: 'once', due: '2024-04-08' },
      evidence: 'Biên bản họp Ban giám hiệu; quyết định thành lập tổ giúp việc 4 thành viên.',
    },
    {
      title: 'Lễ công bố ra mắt mô hình “Cổng trường an toàn giao thông”',
      description: 'Giữa tháng 04/2024, tại Trường THCS Điện Quan; phụ huynh, học sinh ký cam kết trước lễ ra mắt.',
      lead: thCongAn, support: [thUbnd, thSchool], recurrence: { freq: 'once', due: '2024-04-15' },
      evidence: 'Lễ ra mắt tại sân trường ngày 15/4/2024; 20 phụ huynh, học sinh ký cam kết.',
    },
    {
      title: 'Sơ kết đánh giá kết quả, hiệu quả hoạt động của mô hình; rút kinh nghiệm, nhân rộng ra các điểm trường khác',
      description: 'Bước 3 — cuối tháng 12/2024.',
      lead: thCongAn, support: [thUbnd, thSchool], recurrence: { freq: 'once', due: '2024-12-31' },
      evidence: 'Báo cáo sơ kết năm 2024; đề xuất nhân rộng mô hình.',
    },
    {
      title: 'Đề xuất các cấp khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào toàn dân bảo vệ ANTQ',
      description: 'Văn phòng HĐND và UBND xã, cán bộ văn hóa xã; cùng đợt sơ kết cuối năm 2024.',
      lead: thUbnd, support: [thCongAn], recurrence: { freq: 'once', due: '2024-12-31' },
      evidence: 'Tờ trình đề nghị khen thưởng 01 tập thể, 03 cá nhân.',
    },
    {
      // The seed says "duy trì hoạt động của mô hình" and "chủ động tuyên truyền" without a
      // cadence; the template's monthly outreach on the 15th is used, school years to 2026–2027.
      title: 'Tuyên truyền an toàn giao thông cho học sinh, phụ huynh tại cổng trường; duy trì hoạt động của mô hình',
      lead: thCongAn, support: [thSchool], recurrence: { freq: 'monthly', day: 15 }, startsOn: '2024-05-01', endsOn: '2027-05-31',
      evidence: 'Tuyên truyền dưới cờ và tại cổng trường giờ tan học.',
    },
    {
      // "Chủ động báo cáo Công an cấp trên, cấp ủy, chính quyền địa phương": monthly, read as
      // the commune police's monthly report.
      title: 'Báo cáo Công an cấp trên, cấp ủy, chính quyền kết quả hoạt động của mô hình',
      lead: thCongAn, support: [thUbnd], recurrence: { freq: 'monthly', day: 25 }, startsOn: '2024-05-01', endsOn: '2027-05-31',
      evidence: 'Đã gửi báo cáo tháng.',
    },
  ], today);

  const congTruong = await models.createInstance(db, ctx, {
    templateId: await templateId(db, 'cong-truong-atgt'), unitId: thSchool, startedOn: '2024-04-01', planId: p000,
  });
  await stepsDone(db, ctx, congTruong.id, today, [
    ['survey', '2024-04-01', '2024-04-05', 'Công an xã'],
    ['working_group', '2024-04-06', '2024-04-08', 'UBND xã'],
    ['training', '2024-04-09', '2024-04-10', 'Công an xã'],
    ['commitments', '2024-04-10', '2024-04-12', 'Ban giám hiệu'],
    ['launch', '2024-04-15', '2024-04-15', 'Lò Văn Minh'],
    ['operating', '2024-04-15', null],
    ['interim_review', '2024-12-27', '2024-12-27', 'Công an xã'],
  ]);
  // Working group and commitments: names are illustrative.
  for (const m of [
    { fullName: 'Lò Văn Minh', role: 'Tổ trưởng', position: 'Cán bộ Công an xã' },
    { fullName: 'Hoàng Thị Lan', role: 'Tổ phó', position: 'Phó Hiệu trưởng Trường THCS Điện Quan' },
    { fullName: 'Nông Văn Tuấn', role: 'Thành viên', position: 'Tổng phụ trách Đội' },
    { fullName: 'Triệu Thị Hoa', role: 'Thành viên', position: 'Công chức Văn hóa - Xã hội xã' },
  ]) await models.addMember(db, ctx, congTruong.id, m);
  const parents = ['Hoàng Văn Dũng', 'Lý Thị Mai', 'Nông Văn Sơn', 'Đặng Thị Hương', 'Bàn Văn Lợi', 'Vũ Thị Thu', 'Triệu Văn Hải', 'Lương Thị Nga', 'Phạm Văn Cường', 'Hà Thị Liên'];
  const students = ['Hoàng Minh Đức', 'Lý Thu Trang', 'Nông Gia Huy', 'Đặng Ngọc Ánh', 'Bàn Thị Yến', 'Vũ Quốc Bảo', 'Triệu Thị Duyên', 'Lương Văn Khánh', 'Phạm Thảo Vy', 'Hà Minh Quân'];
  await models.addCommitments(db, ctx, congTruong.id, [
    ...parents.map((signerName, i) => ({ signerKind: 'parent' as const, signerName, detail: `Phụ huynh học sinh ${students[i]}`, signedOn: i < 5 ? '2024-04-10' : '2024-04-11' })),
    ...students.map((signerName, i) => ({ signerKind: 'student' as const, signerName, detail: `Lớp ${6 + (i % 4)}`, signedOn: i < 5 ? '2024-04-11' : '2024-04-12' })),
  ]);
  // Replicated, as the plan intends ("nhân rộng ra các trường khác"), to a school elsewhere:
  // the commune has no other school in the demo, and plan 002 is about replicating exemplary
  // models in Củ Chi's schools.
  await models.replicate(db, ctx, congTruong.id, { unitIds: [ccSchool], startedOn: '2024-09-05' });

  // ── 001: An ninh cơ sở, Trường THCS Quảng Yên ──
  const p001 = await issuePlan(db, ctx, quangYen.commune.id, PLAN_001, true);
  await addTasks(db, ctx, p001, [
    {
      title: 'Báo cáo kết quả thực hiện mô hình An ninh cơ sở 6 tháng (trước 10/6) và 01 năm (trước 10/11)',
      description: 'Gửi Phòng GD&ĐT thị xã (nay là Phòng Văn hóa - Xã hội phường Quảng Yên) để tổng hợp.',
      lead: qySchool, support: [qyCongAn], recurrence: { freq: 'yearly', dates: [{ day: 10, month: 6 }, { day: 10, month: 11 }] },
      startsOn: '2022-01-01', endsOn: '2027-06-30',
      evidence: 'Đã gửi báo cáo qua thư điện tử.',
    },
    {
      title: 'Tổng hợp, báo cáo Sở GDĐT, Ủy ban nhân dân (6 tháng trước 15/6, 01 năm trước 15/11)',
      description: 'Trước 01/7/2025 do Phòng GD&ĐT thị xã Quảng Yên thực hiện.',
      lead: qyVhxh, support: [qySchool], recurrence: { freq: 'yearly', dates: [{ day: 15, month: 6 }, { day: 15, month: 11 }] },
      startsOn: '2022-01-01', endsOn: '2027-06-30',
      evidence: 'Đã tổng hợp báo cáo của các trường.',
    },
    {
      // Outreach "thường xuyên", on the template's day, over the current school year.
      title: 'Tuyên truyền, phổ biến giáo dục pháp luật trong nhà trường (pano, áp phích, Zalo, Facebook, nói chuyện chuyên đề)',
      lead: qySchool, support: [qyCongAn], recurrence: { freq: 'monthly', day: 1 }, startsOn: '2026-09-01', endsOn: '2027-05-31',
      evidence: 'Sinh hoạt dưới cờ chuyên đề phòng chống ma túy, bạo lực học đường.',
    },
  ], today);
  const ancs = await models.createInstance(db, ctx, {
    templateId: await templateId(db, 'an-ninh-co-so-truong-hoc'), unitId: qySchool, startedOn: '2025-09-05', planId: p001,
  });
  await stepsDone(db, ctx, ancs.id, today, [
    ['survey', '2025-09-05', '2025-09-15', 'Ban giám hiệu'],
    ['working_group', '2025-09-15', '2025-10-05', 'Đoàn, Đội'],
    ['operating', '2025-10-05', null],
    ['interim_review', '2026-02-02', '2026-02-10', 'Ban giám hiệu'],
  ]);

  // ── 002: Nhân rộng mô hình, điển hình tiên tiến, Củ Chi ──
  const p002 = await issuePlan(db, ctx, cuChi.commune.id, PLAN_002, true);
  // "Thực hiện báo cáo sơ kết, tổng kết … về Phòng Giáo dục và Đào tạo huyện vào ngày 10/5 và 15/11."
  await reportSchedules.addSchedule(db, ctx, p002, { title: 'Báo cáo sơ kết', period: 'half_year', dueDay: 10, dueMonth: 5, reporterKind: 'school' });
  await reportSchedules.addSchedule(db, ctx, p002, { title: 'Báo cáo tổng kết', period: 'year', dueDay: 15, dueMonth: 11, reporterKind: 'school' });
  await addTasks(db, ctx, p002, [
    {
      title: 'Báo cáo sơ kết, tổng kết và báo cáo định kỳ về phong trào toàn dân bảo vệ ANTQ (ngày 10/5 và 15/11)',
      description: 'Gửi Phòng GD&ĐT huyện (nay là Ủy ban nhân dân xã Củ Chi) để tổng hợp báo cáo Công an.',
      lead: ccSchool, support: [ccCongAn], recurrence: { freq: 'yearly', dates: [{ day: 10, month: 5 }, { day: 15, month: 11 }] },
      startsOn: '2024-04-07', endsOn: '2027-06-30',
      evidence: 'Đã gửi báo cáo.',
    },
    {
      // The plan names the day without a date; 19/8 is the national Ngày hội toàn dân bảo vệ ANTQ.
      title: 'Tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” hướng về cơ sở',
      lead: ccSchool, support: [ccCongAn, cuChi.commune.id], recurrence: { freq: 'yearly', dates: [{ day: 19, month: 8 }] },
      startsOn: '2024-04-07', endsOn: '2027-06-30',
      evidence: 'Đã tổ chức Ngày hội cùng Công an xã.',
    },
    {
      title: 'Xây dựng, củng cố, kiện toàn tổ nhà giáo tự quản và tổ người học tự quản về an ninh trật tự',
      lead: ccSchool, support: [ccCongAn], recurrence: { freq: 'once', due: '2024-09-30' },
      evidence: 'Quyết định kiện toàn 01 tổ nhà giáo tự quản, 12 tổ người học tự quản.',
    },
  ], today);

  // ── 003: Khóa an toàn ANTT, the eight communes that replaced huyện Triệu Sơn ──
  // The district's draft, kept as a draft; its tasks, given to the district's agencies, fall
  // now to Xã Triệu Sơn's police and People's Committee, the other seven communes supporting.
  const p003 = await issuePlan(db, ctx, trieuSon.commune.id, PLAN_003, false);
  const formerly = 'Kế hoạch của UBND huyện Triệu Sơn (năm 2021); từ 01/7/2025 do xã Triệu Sơn và 7 xã kế tiếp huyện Triệu Sơn thực hiện.';
  await addTasks(db, ctx, p003, [
    {
      title: 'Hoàn thiện hồ sơ, tổ chức lễ ra mắt mô hình; trao ổ khóa, móc khóa cho người dân',
      description: formerly, lead: tsCongAn, support: [tsUbnd], recurrence: { freq: 'once', due: '2021-11-30' },
      evidence: 'Lễ ra mắt mô hình ngày 27/11/2021.',
    },
    {
      title: 'Khảo sát, đánh giá mức độ an toàn của hệ thống khóa cửa, khóa bảo vệ tại hộ gia đình, cơ quan, đơn vị',
      description: `Hàng quý. ${formerly}`, lead: tsCongAn, support: trieuSonOthers,
      recurrence: { freq: 'quarterly', month: 3, day: 20 }, startsOn: '2021-12-01', endsOn: '2022-11-30',
      evidence: 'Đã khảo sát, lập danh sách hộ có sơ hở về khóa.',
    },
    {
      title: 'Tuần tra, tuyên truyền đến tận người dân nâng cao ý thức tự phòng, tự quản, tự bảo vệ',
      description: `Hàng tuần. ${formerly}`, lead: tsCongAn, support: [tsUbnd, ...trieuSonOthers],
      recurrence: { freq: 'weekly', weekday: 6 }, startsOn: '2021-12-01', endsOn: '2022-11-30',
      evidence: 'Tuần tra kết hợp tuyên truyền tại các thôn.',
    },
    {
      title: 'Đánh giá và báo cáo đề xuất phương hướng hoạt động của mô hình',
      description: `Hàng tháng. ${formerly}`, lead: tsCongAn, support: [tsUbnd],
      recurrence: { freq: 'monthly', day: 25 }, startsOn: '2021-12-01', endsOn: '2022-11-30',
      evidence: 'Đã báo cáo tháng.',
    },
    {
      title: 'Sơ kết 6 tháng, tổng kết 01 năm hoạt động của mô hình',
      description: `Định kỳ 06 tháng, 01 năm. ${formerly}`, lead: tsUbnd, support: [tsCongAn, ...trieuSonOthers],
      recurrence: { freq: 'yearly', dates: [{ day: 15, month: 6 }, { day: 15, month: 11 }] }, startsOn: '2021-12-01', endsOn: '2022-11-30',
      evidence: 'Đã tổ chức hội nghị sơ kết.',
    },
  ], today);
  const khoa = await models.createInstance(db, ctx, {
    templateId: await templateId(db, 'khoa-an-toan'), unitId: trieuSon.commune.id, startedOn: '2021-10-15', planId: p003,
  });
  await stepsDone(db, ctx, khoa.id, today, [
    ['survey', '2021-10-15', '2021-10-29', 'Công an huyện'],
    ['working_group', '2021-10-25', '2021-11-05', 'Ban chỉ đạo 138 huyện'],
    ['training', '2021-11-05', '2021-11-10', 'Công an huyện'],
    ['commitments', '2021-11-10', '2021-11-25', 'Ban điều hành'],
    ['launch', '2021-11-27', '2021-11-27', 'UBND huyện'],
    ['operating', '2021-11-27', null],
    ['interim_review', '2022-06-15', '2022-06-15', 'Ban chỉ đạo 138 huyện'],
    ['final_review', '2022-11-15', '2022-11-15', 'Ban chỉ đạo 138 huyện'],
  ]);
  // Ban điều hành and households: names are illustrative.
  for (const m of [
    { fullName: 'Lê Văn Thuận', role: 'Trưởng ban', position: 'Phó Trưởng Công an huyện' },
    { fullName: 'Nguyễn Thị Hằng', role: 'Phó Trưởng ban', position: 'Phó Chủ tịch UBMTTQ huyện' },
    { fullName: 'Trịnh Văn Hùng', role: 'Thành viên', position: 'Đội trưởng Đội Tổng hợp' },
    { fullName: 'Lê Thị Phương', role: 'Thành viên', position: 'Huyện đoàn' },
    { fullName: 'Đỗ Văn Long', role: 'Thành viên', position: 'Trưởng Công an thị trấn' },
  ]) await models.addMember(db, ctx, khoa.id, m);
  const households = ['Lê Văn An', 'Nguyễn Văn Bình', 'Trịnh Thị Cúc', 'Lê Đình Dũng', 'Hoàng Văn Giang', 'Nguyễn Thị Hạnh', 'Đỗ Văn Khoa', 'Lê Thị Lan', 'Mai Văn Nam', 'Trần Thị Oanh', 'Lê Văn Phúc', 'Nguyễn Văn Quang'];
  await models.addCommitments(db, ctx, khoa.id, households.map((signerName, i) => ({
    signerKind: 'household' as const, signerName, detail: 'Nhận 01 ổ khóa và 01 móc khóa ghi số điện thoại của Công an', signedOn: addDays('2021-11-12', i),
  })));
  await models.replicate(db, ctx, khoa.id, { unitIds: trieuSonOthers, startedOn: '2025-07-01' });

  // ── 004: Tiếng kẻng bình yên and Tổ liên gia an toàn PCCC, Xã Thạch Lập ──
  // The seed runs to the end of 2026 and no task may outlast its plan; a demo loaded after that
  // gets the plan carried on for a month of coming nights.
  const seedEnd = today < PLAN_004.periodEnd! ? PLAN_004.periodEnd! : addDays(today, 30);
  const p004 = await issuePlan(db, ctx, thachLap.commune.id, { ...PLAN_004, periodEnd: seedEnd }, true);
  const villages = thachLap.villages;
  await addTasks(db, ctx, p004, [
    {
      title: 'Công an xã tham mưu ban hành hướng dẫn quy định về kẻng, tiếng kẻng (tiếng kẻng bình yên, tiếng kẻng báo động) và xây dựng mô hình “Tổ liên gia an toàn về PCCC”',
      lead: tlCongAn, support: [thachLapUbnd], recurrence: { freq: 'once', due: '2024-03-15' },
      evidence: 'Hướng dẫn đã ban hành, triển khai đến các thôn, làng.',
    },
    {
      title: 'Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia phong trào',
      lead: thachLapMttq, support: villages, recurrence: { freq: 'once', due: '2024-03-31' },
      evidence: 'Phát động tại 7 thôn, làng.',
    },
    {
      title: 'Rà soát, khảo sát các cụm dân cư, đề ra phương án, lộ trình xây dựng “Tổ liên gia an toàn về PCCC”',
      lead: thachLapUbnd, support: [tlCongAn, ...villages], recurrence: { freq: 'once', due: '2024-04-15' },
      evidence: 'Phương án 21 tổ liên gia tại 7 thôn, làng.',
    },
    {
      // 100% of villages strike at 22:00 every day, answered by the villages' check-ins. The
      // seed's period (2023–2026) trimmed to the nights the demo has check-ins for (field.ts)
      // keeps the data small and gives past and coming nights.
      title: 'Đánh kẻng bình yên lúc 22 giờ hằng ngày tại 100% thôn, làng',
      description: 'Đột xuất đánh kẻng báo động khi có vụ việc liên quan đến ANTT, cháy nổ xảy ra.',
      lead: thachLapUbnd, support: villages, recurrence: { freq: 'daily', time: '22:00' },
      startsOn: addDays(today, -NIGHTS), endsOn: seedEnd, measure: 'gong',
    },
    {
      // Answered by the patrol log, over the nights the demo has patrols for.
      title: 'Tuần tra vũ trang, tuần tra Nhân dân sau khi đánh kẻng 22 giờ',
      lead: tlCongAn, support: villages, recurrence: { freq: 'daily', time: '22:15' },
      startsOn: addDays(today, -PATROL_NIGHTS), endsOn: seedEnd, measure: 'patrol',
    },
    {
      // "Đối với các thôn, làng làm mất kẻng hoặc hư hỏng thì chủ động mua…": the template's
      // quarterly gong check, since the communes were reorganised.
      title: 'Rà soát thực trạng kẻng ở các thôn, làng; bổ sung kẻng nơi dân cư ở xa, thay kẻng mất hoặc hư hỏng',
      lead: thachLapUbnd, support: villages, recurrence: { freq: 'quarterly', month: 1, day: 5 }, startsOn: '2025-07-01', endsOn: '2026-12-31',
      evidence: 'Đã kiểm tra kẻng ở 7 thôn, làng.',
    },
    {
      title: 'Các thôn, làng báo cáo kết quả thực hiện phong trào; UBND xã tổng hợp báo cáo Đảng ủy',
      lead: thachLapUbnd, support: villages, recurrence: { freq: 'yearly', dates: [{ day: 15, month: 12 }] }, startsOn: '2024-02-19', endsOn: '2026-12-31',
      evidence: 'Đã tổng hợp báo cáo năm.',
    },
  ], today);
  const keng = await models.createInstance(db, ctx, {
    templateId: await templateId(db, 'tieng-keng-binh-yen'), unitId: thachLap.commune.id, startedOn: '2024-02-19', planId: p004, extraUnitIds: villages,
  });
  await stepsDone(db, ctx, keng.id, today, [
    ['survey', '2024-02-19', '2024-03-04', 'UBND xã'],
    ['working_group', '2024-03-01', '2024-03-08', 'UBND xã'],
    ['launch', '2024-03-12', '2024-03-12', 'UBND xã'],
    ['operating', '2024-03-12', null],
    ['final_review', '2024-12-15', '2024-12-15', 'UBND xã'],
  ]);
  const pccc = await models.createInstance(db, ctx, {
    templateId: await templateId(db, 'to-lien-gia-pccc'), unitId: thachLap.commune.id, startedOn: '2024-04-15', planId: p004,
  });
  await stepsDone(db, ctx, pccc.id, today, [
    ['survey', '2024-04-15', '2024-04-30', 'Công an xã'],
    ['working_group', '2024-05-02', '2024-05-20', 'UBND xã'],
    ['training', '2024-05-20', '2024-06-05', 'Công an xã'],
    ['commitments', '2024-05-20', '2024-06-10', 'Tổ trưởng tổ liên gia'],
    ['launch', '2024-06-15', '2024-06-15', 'UBND xã'],
    ['operating', '2024-06-15', null],
  ]);
  // Team leaders and households: names are illustrative.
  for (const m of [
    { fullName: 'Bùi Văn Chiến', role: 'Tổ trưởng', position: 'Tổ liên gia số 1, Làng Chiềng' },
    { fullName: 'Phạm Thị Hiền', role: 'Tổ trưởng', position: 'Tổ liên gia số 2, Làng Mỏ' },
    { fullName: 'Quách Văn Toàn', role: 'Tổ trưởng', position: 'Tổ liên gia số 3, Thôn Đồng Tâm' },
  ]) await models.addMember(db, ctx, pccc.id, m);
  const homes = ['Bùi Văn Định', 'Bùi Thị Nhung', 'Phạm Văn Tới', 'Quách Thị Mơ', 'Bùi Văn Lực', 'Phạm Văn Hào', 'Trương Thị Xuân', 'Bùi Văn Thái', 'Quách Văn Lâm', 'Phạm Thị Hòa', 'Bùi Văn Sáng', 'Lê Thị Thắm'];
  await models.addCommitments(db, ctx, pccc.id, homes.map((signerName, i) => ({
    signerKind: 'household' as const, signerName, detail: 'Cam kết tham gia tổ liên gia, trang bị bình chữa cháy', signedOn: addDays('2024-05-25', i),
  })));
}
