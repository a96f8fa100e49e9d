/**
 * Plans to render in the export tests and the bench.
 *
 * seed000: the first seed plan (shared/seeds/000_…), transcribed as written, typing slips
 * included ("Uỷ", "huỵnh", "Dư kiến"); only the line breaks of the extraction are undone. The
 * seed shows no header: the issuer is the commune's People's Committee under Bảo Yên district,
 * as its bases and recipients say; number and date are left blank as in a draft. The signer's
 * name is a demo name.
 *
 * seed003: the longest seed plan (shared/seeds/003_…, Triệu Sơn district), for page breaks and
 * the bench. Its three paragraphs of background go into the preamble, one per line; the run-in
 * "1." / "2." of part V are plain paragraphs; the signer's name is a demo name.
 */
import type { PlanDocument } from '../document.ts';

export const seed000: PlanDocument = {
  issuer: { superior: 'UBND HUYỆN BẢO YÊN', name: 'ỦY BAN NHÂN DÂN XÃ ĐIỆN QUAN' },
  number: null,
  symbol: 'KH-UBND',
  place: 'Điện Quan',
  issuedOn: null,
  title: 'Xây dựng mô hình "Cổng trường an toàn giao thông" trên địa bàn xã Điện Quan',
  bases: [
    'Căn cứ Hướng dẫn số 22/HD-BCA-V05 ngày 18 tháng 11 năm 2022 của Bộ Công an về Hướng dẫn xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ ANTQ.',
    'Căn cứ kế hoạch số 808/KH-CAT-PV01 ngày 28/02/2024 của Công an tỉnh Lào Cai; Kế hoạch số 519/KH-CAH ngày 04/3/2024 của Công an huyện Bảo Yên về công tác xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ ANTQ năm 2024.',
  ],
  preamble:
    'Uỷ ban nhân dân xã Điện Quan xây dựng kế hoạch chỉ đạo công tác xây dựng mô hình "Cổng trường an toàn giao thông" trên địa bàn xã Điện Quan với những nội dung sau:',
  sections: [
    {
      heading: 'I. MỤC ĐÍCH, YÊU CẦU',
      paragraphs: [
        'Nhằm phát huy sức mạnh tổng hợp của cán bộ và nhân dân trong công tác đảm bảo ANTT tại địa phương, góp phần thực hiện thắng lợi chương trình xây dựng văn minh đô thị trên địa bàn.',
        'Quá trình triển khai thực hiện phải bảo đảm tính thống nhất, đồng bộ đạt hiệu quả thiết thực tránh hình thức. Phải có sự phối hợp chặt chẽ với các Ban ngành, đoàn thể và tổ chức quần chúng tham gia trong công tác bảo vệ ANTT tại địa bàn cơ sở.',
      ],
    },
    {
      heading: 'II. NỘI DUNG VÀ BIỆN PHÁP TIẾN HÀNH',
      paragraphs: [],
      children: [
        {
          heading: '1. Nội dung thực hiện',
          paragraphs: [
            'Tiếp tục duy trì, phát huy hiệu quả các tổ chức quần chúng làm công tác đảm bảo ANTT trên địa bàn.',
            'Tập trung chỉ đạo xây dựng điểm Mô hình “Cổng trường an toàn giao thông” trên địa bàn xã Điện Quan; dự kiến xây dựng tại Trường THCS xã Điện Quan; từ đó nghiên cứu nhân rộng ra các trường khác.',
          ],
        },
        {
          heading: '2. Biện pháp tiến hành',
          paragraphs: [],
          children: [
            {
              heading: 'Bước 1: Công tác chuẩn bị',
              paragraphs: [
                '- Tổ chức khảo sát đánh giá thực trạng tình hình địa bàn, từ đó làm căn cứ báo cáo, tham mưu cho Công an huyện, Đảng ủy, UBND xã chỉ đạo các ngành, đoàn thể có liên quan triển khai thực hiện đạt hiệu quả.',
                '- Quyết định thành lập tổ giúp việc tham gia công tác xây dựng mô hình “Cổng trường an toàn giao thông”.',
                '- Chuẩn bị các điều kiện cần thiết phục vụ việc triển khai thực hiện công tác xây dựng mô hình.',
              ],
            },
            {
              heading: 'Bước 2: Triển khai thực hiện',
              paragraphs: [
                '- Chủ động phối hợp, tranh thủ sự chỉ đạo, hướng dẫn Công an tỉnh, Công an huyện mở hội nghị triển khai thực hiện công tác xây dựng mô hình tại địa bàn.',
                '- Tổ chức tập huấn, cho các đồng chí tham gia tổ công tác xây dựng các mô hình, lực lượng Công an xã, cán bộ chủ chốt các thôn bản quán triệt nội dung, mục đích yêu cầu, thống nhất về nhận thức, phương pháp và các bước triển khai xây dựng các mô hình theo kế hoạch đã đề ra.',
                '- Tổ chức triển khai xuống trường học, tổ chức họp để quán triệt nội dung, phương pháp, thống nhất về tiêu chí xây dựng mô hình, tổ chức cho phụ huỵnh, học sinh ký cam kết thực hiện để triển khai và duy trì mô hình.',
                '- Thời gian, địa điểm, lực lượng tham gia',
                '+ Thời gian',
                'Dư kiến vào đầu tháng 04/2024, tổ chức khảo sát tại các địa bàn đã được lựa chọn chỉ đạo xây dựng mô hình điểm. Công an xã phối hợp tổ chức khảo sát thực trạng và tập hợp theo biểu mẫu.',
                'Đầu tháng 04/2024, tổ chức họp Ban giám hiệu, giáo viên trường để triển khai nội dung xây dựng mô hình. Tập hợp số liệu xây dựng các văn bản, quyết định.',
                'Giữa tháng 04/2024 tổ chức lễ công bố ra mắt mô hình và duy trì hoạt động của mô hình đạt hiệu quả.',
                '+ Địa điểm: Tại Trường THCS Điện Quan, huyện Bảo Yên.',
                '+ Lực lượng tham gia: Lực lượng Công an xã, cán bộ, công chức xã, giáo viên, phụ huynh học sinh trường học.',
              ],
            },
            {
              heading: 'Bước 3:',
              paragraphs: [
                'Cuối tháng 12/2024, tổ chức sơ kết đánh giá kết quả, hiệu quả hoạt động của mô hình từ đó rút kinh nghiệm và tiếp tục nhân rộng ra các điểm trường khác trên địa bàn.',
              ],
            },
          ],
        },
      ],
    },
    {
      heading: 'III. TỔ CHỨC THỰC HIỆN',
      paragraphs: [],
      children: [
        {
          heading: '1. Công an xã',
          paragraphs: [
            '- Giao Công an xã chủ trì phối hợp với các ngành, đoàn thể có liên quan, cán bộ chủ chốt các thôn bản, Ban giám hiệu trường học tổ chức triển khai thực hiện tốt kế hoạch này. Chủ động tuyên truyền sâu rộng cho cán bộ, Nhân dân hiểu, nhận thức đầy đủ về ý nghĩa và tầm quan trọng của công tác xây dựng mô hình trong phong trào toàn dân bảo vệ ANTQ.',
            '- Chủ động báo cáo Công an cấp trên, cấp uỷ, chính quyền địa phương, tham mưu cho Ban chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc xã có kế hoạch tổ chức, chỉ đạo các ngành, đoàn thể trong xã triển khai công tác xây dựng mô hình đạt hiệu quả.',
            '- Lập dự trù kinh phí phục vụ cho việc triển khai xây dựng mô hình và đề xuất Công an tỉnh, Công an thành phố cấp kinh phí để triển khai thực hiện.',
          ],
        },
        {
          heading: '2. Văn phòng HĐND và UBND xã, cán bộ văn hóa xã',
          paragraphs: [
            'Làm tốt công tác tuyên truyền và kịp thời đề xuất các cấp khen thưởng cho những tập thể, cá nhân có thành tích xuất sắc trong phong trào toàn dân bảo vệ ANTQ.',
          ],
        },
      ],
    },
  ],
  closing:
    'Căn cứ nội dung kế hoạch yêu cầu đề nghị các cơ quan, đơn vị, các ban, ngành, đoàn thể có liên quan căn cứ vào chức năng, nhiệm vụ được phân công khẩn trương tổ chức triển khai thực hiện./.',
  recipients: [
    'Công an huyện (b/c);',
    'Đảng ủy; HĐND xã (b/c);',
    'Các ban, ngành, đoàn thể (p/h);',
    'Trưởng các thôn bản(p/h);',
    'Công an xã (t/h);',
    'Trường THCS Điện Quan (t/h).',
    'Lưu: VT,CAX.',
  ],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
};

export const seed003: PlanDocument = {
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
    'Bên cạnh đó, tình hình tội phạm, tệ nạn xã hội, vi phạm pháp luật trên địa bàn vẫn diễn biến phức tạp, đặc biệt là tội phạm trộm cắp tài sản vẫn gây bức xúc trong quần chúng nhân dân; công tác tự phòng, tự quản, tự bảo vệ của một bộ phận quần chúng nhân dân chưa cao, còn tạo nhiều sơ hở, điều kiện thuận lợi cho các đối tượng thực hiện hành vi phạm tội, vi phạm pháp luật. Công tác phối hợp giữ lực lượng Công an với các cấp, các ngành, các tổ chức đoàn thể và quần chúng nhân dân trong công tác bảo đảm ANTT còn hạn chế, chưa rộng khắp; chưa có nhiều kênh thông tin liên lạc để quần chúng nhân dân thuận tiện trong công tác phối hợp, trao đổi thông tin cho lực lượng Công an.',
    'Trước những tình hình trên và căn cứ Nghị quyết số 08-NQ/HU ngày 05/10/2021 của Ban Thường vụ Huyện ủy Triệu Sơn, UBND huyện Triệu Sơn xây dựng mô hình “Khóa an toàn an ninh trật tự” trên địa bàn huyện với những nội dung cụ thể như sau:',
  ].join('\n'),
  sections: [
    {
      heading: 'I. MỤC TIÊU, YÊU CẦU',
      paragraphs: [],
      children: [
        {
          heading: '1. Mục tiêu',
          paragraphs: [
            'Xây dựng mô hình “Khóa an toàn về ANTT” nhằm đổi mới nội dung, phương pháp để nâng cao chất lượng, hiệu quả công tác xây dựng phong trào toàn dân bảo vệ ANTQ; phát huy sức mạnh tổng hợp của cả hệ thống chính trị và mọi tầng lớp nhân dân trong công tác phòng, chống tội phạm, tệ nạn xã hội, bảo đảm ANTT; xây dựng, củng cố nền an ninh nhân dân, thế trận An ninh nhân dân gắn với thế trận quốc phòng toàn dân vững chắc. góp phần giữ vững an ninh chính trị, bảo đảm trật tự an toàn xã hội, thực hiện có hiệu quả các nhiệm vụ phát triển kinh tế - xã hội của địa phương.',
            'Tạo chuyên biến tích cực về nhận thức và phát huy tinh thần tự phòng, tự quản, tự bảo vệ trong quần chúng nhân dân, luôn cảnh giác trước mọi âm mưu, thủ đoạn thúc đẩy “tự diễn biến”, “tự chuyển hóa” của các thế lực thù địch, phản động; cảnh giác trước các thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội; hạn chế tối đa các sơ hở, điều kiện thuận lợi cho các đối tượng thực hiện hành vi phạm tội, vi phạm pháp luật.',
            'Tăng cường mối quan hệ phối hợp giữa lực lượng Công an với các cấp, các ngành, các tổ chức đoàn thể và quần chúng nhân dân trong công tác bảo đảm ANTT. Tạo mọi điều kiện thuận lợi để quần chúng nhân dân luôn thường xuyên, kịp thời phối hợp, cung cấp thông tin cho lực lượng Công an trong công tác phòng ngừa, phát hiện, đấu tranh ngăn chặn các hoạt động phạm tội, tệ nạn xã hội và các hành vi vi phạm pháp luật.',
          ],
        },
        {
          heading: '2. Yêu cầu',
          paragraphs: [
            'Công tác xây dựng mô hình “khóa an toàn an ninh trật tự” phải đáp ứng được yêu cầu thực tiễn, phục vụ có hiệu quả công tác bảo đảm ANTT; hoạt động của mô hình phải được duy trì thường xuyên, liên tục và gắn với thực hiện các phong trào thi đua yêu nước; tránh hình thức, chạy theo số lượng làm giảm sút tinh thần nhiệt tình của quần chúng nhân dân.',
            'Công tác xây dựng mô hình “Khóa an toàn an ninh trật tự” phải tuân thủ các quy định của pháp luật hiện hành; đồng thời phát huy được tinh thần quần chúng tự nguyện tham gia, tạo sự tập trung, thống nhất trong hành động; luôn đặt dưới sự lãnh đạo của Đảng, sự quản lý của chính quyền, sự hướng dẫn nghiệp vụ của lực lượng Công an.',
            'Cấp ủy, chính quyền, các cơ quan, đơn vị và các tổ chức đoàn thể phải nhận thức đầy đủ, tầm quan trọng của mô hình. Quá trình xây dựng, duy trì hoạt động của mô hình phải được thực hiện nghiêm túc, chất lượng, tránh qua loa, hình thức, đối phó.',
          ],
        },
      ],
    },
    {
      heading: 'II. NỘI DUNG TRỌNG TÂM',
      paragraphs: [
        '- Tiếp tục quán triệt, triển khai thực hiện nghiêm túc Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư Trung ương Đảng về "Tăng cường sự lãnh đạo của Đảng đối với phong trào toàn dân bảo vệ An ninh Tổ quốc trong tình hình mới". Tăng cường và đổi mới công tác lãnh đạo, chỉ đạo thực hiện phong trào toàn dân bảo vệ ANTQ, trọng tâm là công tác lãnh đạo, chỉ đạo xây dựng mô hình tự quản về ANTT.',
        '- Tập trung tổ chức tuyên truyền sâu rộng ý nghĩa, mục tiêu, tầm quan trọng của việc xây dựng và đưa mô hình “Khóa an toàn an ninh trật tự” vào hoạt động trên địa bàn, góp phần tạo khí thế, động lực, khích lệ quần chúng nhân dân tham gia.',
        '- BCD 138 huyện tham mưu cho Chủ tịch UBND huyện chỉ đạo lập hồ sơ xây dựng mô hình “Khóa an toàn về ANTT” trên địa bàn huyện; đồng thời tổ chức triển khai thực hiện đến từng thành viên và tổ chức ra mắt, phổ biến hoạt động của mô hình đến mọi tầng lớp nhân dân.',
        '- Tập trung nghiên cứu, xây dựng phương hướng, nhiệm vụ đưa mô hình hoạt động hiệu quả, thiết thực; chú trọng phát triển mô hình theo hướng gần gũi, gắn bó, thiết thực đối với quần chúng nhân dân; tạo mọi điều kiện thuận lợi để quần chúng nhân dân tự nguyện tham gia các hoạt động mô hình. Trong đó, cần tập trung một số nội dung:',
        '+ Thường xuyên tiến hành khảo sát, đánh giá công tác tự phòng, tự quản, tự bảo vệ tài sản của các cơ quan, đơn vị, các hộ gia đình và các cá nhân; mức độ an toàn của hệ thống khóa cửa, khóa bảo vệ tại các hộ gia đình, cơ quan, đơn vị trên địa bàn; những sơ hở, thiếu sót có thể làm phát sinh tội phạm, tệ nạn xã hội.',
        '+ Thường xuyên tổ chức tuần tra, kết hợp tổ chức tuyên truyền sâu rộng trong quần chúng nhân dân về âm mưu, thủ đoạn thúc đẩy “tự diễn biến”, “tự chuyên hóa” của các thế lực thù địch, phản động; các phương thức, thủ đoạn hoạt động của các loại tội phạm; tuyên truyền, nhắc nhở người dân về ý thức bảo vệ tài sản của cá nhân, của cộng đồng xã hội.',
        '+ Huy động mọi nguồn lực xã hội hóa xây dựng và duy trì chương trình ổ khóa, móc khóa trao tay người dân với phương châm ổ khóa để tăng cường công tác tự phòng, tự quản, tự bảo vệ của mỗi cá nhân, gia đình; móc chìa khóa là địa chỉ tin cậy để quần chúng nhân dân thuận tiện, kịp thời cung cấp thông tin, tình hình liên quan đến ANTT cho lực lượng Công an, chính quyền và các ban, ngành, đoàn thể, bảo đảm nhanh nhất, chính xác nhất và giải quyết các vấn đề về ANTT hiệu quả nhất.',
        '- Định kỳ thường xuyên tổng hợp, đánh giá tình hình hoạt động của mô hình, kịp thời báo cáo đề xuất khắc phục những tồn tại, hạn chế, đưa ra những giải pháp nâng cao hiệu quả hoạt động của mô hình, các giải pháp tăng cường công tác đảm bảo ANTT tại các khu dân cư, cơ quan, đơn vị, nhà trường; đồng thời đề xuất chế độ chính sách, thi đua khen thưởng đối với những cá nhân, tổ chức có thành tích xuất sắc trong xây dựng và duy trì hoạt động của mô hình.',
      ],
    },
    {
      heading: 'III. PHÂN CÔNG NHIỆM VỤ',
      paragraphs: [],
      children: [
        {
          heading: '1. Ban chỉ đạo 138 huyện',
          paragraphs: [
            'Ban chỉ đạo 138 huyện có trách nhiệm giúp Chủ tịch UBND huyện trực tiếp, tập trung chỉ đạo toàn diện việc triển khai xây dựng và duy trì hoạt động mô hình “Khóa an toàn an ninh trật tự”; thường xuyên theo dõi, nắm tình hình hoạt động của mô hình.',
            'Báo cáo, đề xuất Chủ tịch UBND huyện chương trình, kế hoạch tổ chức lễ ra mắt mô hình để đưa mô hình vào hoạt động trước 30/11/2021. Chỉ đạo huy động mọi nguồn lực hợp pháp tổ chức thực hiện chương trình ô khóa, móc khóa trao tay người dân.',
            'Đề xuất Chủ tịch UBND huyện quyết định thành lập Ban điều hành hoạt động của mô hình (theo đề nghị của Trưởng Công an huyện Triệu Sơn) để giúp Ban chỉ đạo tổ chức thực hiện các nhiệm vụ, hoạt động của mô hình; đồng thời định kỳ tổ chức sơ kết, đánh giá hoạt động của mô hình, kịp thời khắc phục những tồn tại, hạn chế, đề ra các giải pháp nâng cao hiệu quả hoạt động của mô hình.',
          ],
        },
        {
          heading: '2. Công an huyện',
          paragraphs: [
            'Chủ trì tham mưu cho Ban chỉ đạo 138 huyện, Ban chỉ đạo xây dựng mô hình đề xuất Chủ tịch UBND huyện xây dựng, triển khai các chương trình, kế hoạch công tác xây dựng, chương trình ra mắt, duy trì hoạt động mô hình, các nội dung, biện pháp tổ chức hoạt động của mô hình; đồng thời là lực lượng nòng cốt, trực tiếp trong tổ chức thực hiện các nhiệm vụ công tác này đến các cơ quan, ban ngành, đoàn thể, lực lượng ở địa phương.',
            'Tham mưu cho Ban chỉ đạo 138 huyện báo cáo Chủ tịch UBND huyện ra quyết định thành lập Ban điều hành hoạt động của mô hình; xây dựng phương hướng, biện pháp bảo đảm mô hình hoạt động hiệu quả. Trực tiếp, chủ trì tổ chức, chỉ đạo, đôn đốc Ban điều hành mô hình hoạt động theo các nội dung, phương hướng đã đề ra.',
            'Hướng dẫn các mặt nghiệp vụ công tác cho thành viên Ban điều hành hoạt động của mô hình. Giúp Ban chỉ đạo 138 huyện xây dựng phương án tuần tra, nhắc nhở quần chúng nhân dân nâng cao cảnh giác tự phòng, tự quản, tự bảo vệ ANTT; đề xuất chương trình, kế hoạch ô khóa, móc khóa trao tay người dân; xây dựng, cung cấp đầu mối thông tin liên lạc tại cơ sở để quần chúng nhân dân thuận tiện trao đổi, cung cấp các thông tin liên quan đến ANTT.',
            'Chủ trì cung cấp thông tin, phối hợp chặt chẽ các ban, ngành, đoàn thể tổ chức tuyên truyền, thông tin kịp thời mọi âm mưu, phương thức, thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội tại địa bàn cơ sở cho cán bộ, đảng viên và quần chúng nhân dân biết và đề cao cảnh giác.',
            'Giúp Ban chỉ đạo 138 huyện tổng hợp thông tin, tình hình, đánh giá những khó khăn, tồn tại hạn chế trong quá trình hoạt động của mô hình. Hàng tháng, đánh giá và báo cáo đề xuất phương hướng hoạt động của mô hình cho phù hợp với tình hình thực tế. Định kỳ 06 tháng, 01 năm tham mưu Ban chỉ đạo 138 sơ kết hoạt động mô hình, rút ra các bài học kinh nghiệm và đề xuất phương hướng hoạt động trong thời gian tới.',
          ],
        },
        {
          heading: '3. Ban chỉ đạo xây dựng mô hình',
          paragraphs: [
            'Giúp việc cho Ban chỉ đạo 138 huyện, có trách nhiệm chỉ đạo, tổ chức thực hiện việc xây dựng, ra mắt mô hình. Sau khi Mô hình được xây dựng, ra mắt và đi vào hoạt động thì Ban chỉ đạo xây dựng mô hình phải có trách nhiệm chuyển giao các nhiệm vụ tổ chức thực hiện hoạt động của mô hình cho Ban chỉ đạo 138 huyện; đồng thời tự giải thể.',
          ],
        },
        {
          heading: '4. Ban điều hành hoạt động của mô hình',
          paragraphs: [
            'Giúp Ban chỉ đạo 138 huyện tổ chức thực hiện các nhiệm vụ, nội dung hoạt động của mô hình theo sự chỉ đạo, hướng dẫn của Công an huyện. Trong đó:',
            '- Hàng quý, phối hợp Công an các xã, thị trấn tiến hành khảo sát, đánh giá công tác tự phòng, tự quản, tự bảo vệ tài sản của các cơ quan, đơn vị, các hộ gia đình và các cá nhân; mức độ an toàn của hệ thống khóa cửa, khóa bảo vệ tại các hộ gia đình, cơ quan, đơn vị trên địa bàn; những sơ hở, thiếu sót có thể làm phát sinh tội phạm, tệ nạn xã hội.',
            '- Hàng tuần tổ chức tuần tra, tổ chức tuyên truyền đến tận người người dân nâng cao ý thức cảnh giác tự phòng, tự quản, tự bảo vệ; tuyên truyền nâng cao cảnh giác về âm mưu, thủ đoạn thúc đẩy “tự diễn biến”, “tự chuyển hóa” của các thế lực thù địch; tình hình thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội trên địa bàn.',
            '- Thường xuyên tổng hợp, báo cáo tình hình hoạt động của mô hình, đánh giá những khó khăn, tồn tại, hạn chế; định kỳ 06 tháng, 01 năm tiến hành sơ kết hoạt động mô hình và kiến nghị đề xuất Ban chỉ đạo 138 huyện (qua Đội Tổng hợp, Công an huyện) để kịp thời tháo gỡ, bảo đảm mô hình hoạt động ý nghĩa và hiệu quả.',
          ],
        },
        {
          heading: '5. Mặt trận tổ quốc và các cơ quan, ban, ngành, đoàn thể có liên quan',
          paragraphs: [
            'Chủ trì tổ chức tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến mọi người dân; tuyên truyền về vai trò của quần chúng nhân dân trong công tác bảo đảm ANTT và tham gia xây dựng phong trào toàn dân bảo vệ ANTQ. Chú trọng tuyên truyền ý nghĩa, mục tiêu, tầm quan trọng của việc xây dựng mô hình; quá trình xây dựng và ra mắt hoạt động của mô hình.',
            'Vận động quần chúng nhân dân tích cực tham gia xây dựng và duy trì hoạt động của mô hình; đồng thời, tham gia thực hiện các nhiệm vụ khác do Ban chỉ đạo 138 huyện phân công trong quá trình triển khai xây dựng và duy trì hoạt động của mô hình.',
          ],
        },
        {
          heading: '6. Trung tâm văn hóa thể dục thể thao huyện',
          paragraphs: [
            'Thường xuyên xây dựng, đưa tin, bài tuyên truyền về quá trình xây dựng và tổ chức hoạt động của mô hình; chú trọng tuyên truyền ý nghĩa, mục tiêu, tầm quan trọng của việc xây dựng mô hình; quá trình xây dựng và ra mắt hoạt động của mô hình; hiệu quả hoạt động của mô hình trong công tác bảo đảm ANTT thúc đẩy phong trào toàn dân bảo vệ ANTQ.',
            'Phối hợp các cơ quan, đơn vị, tổ chức đoàn thể đẩy mạnh tuyên truyền, phổ biến đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến mọi người dân; âm mưu, thủ đoạn hoạt động của các loại tội phạm, tệ nạn xã hội để nhân dân luôn nâng cao cảnh giác.',
          ],
        },
        {
          heading: '7. Phòng tài chính',
          paragraphs: [
            'Phối hợp Công an huyện tham mưu trình UBND huyện bố trí kinh phí thực hiện Kế hoạch theo ngân sách địa phương và các nguồn kinh phí hợp pháp khác theo quy định của pháp luật.',
          ],
        },
        {
          heading: '8. Phòng Nội vụ',
          paragraphs: [
            'Phối hợp với Công an huyện đề xuất Chủ tịch UBND huyện và cấp có thẩm quyền xem xét khen thưởng các tập thể, cá nhân có nhiều thành tích xuất sắc trong quá trình xây dựng và duy trì hoạt động của mô hình.',
          ],
        },
      ],
    },
    {
      heading: 'V. TỔ CHỨC THỰC HIỆN',
      paragraphs: [
        '1. Căn cứ kế hoạch này, đề nghị thủ trưởng các cơ quan, ban ngành, đoàn thể nghiêm túc tổ chức triển khai thực hiện.',
        '2. Giao cho Công an huyện chủ trì, phối hợp các cơ quan, đơn vị, đoàn thể có liên quan tham mưu giúp Ban chỉ đạo 138 huyện hướng dẫn, kiểm tra, đôn đốc thực hiện kế hoạch này.',
      ],
    },
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
  signer: { title: 'CHỦ TỊCH', name: 'Lê Văn Minh' },
};
