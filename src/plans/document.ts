/**
 * A plan (KẾ HOẠCH) or a report (BÁO CÁO) as an official document, in the parts Nghị định
 * 30/2020/NĐ-CP lays out. This is what the DOCX and PDF exports render, and what the demo plans
 * are written in. The two kinds differ only in the word above the title: ND30 gives them the
 * same header, body and signature block.
 */
export type DocumentKind = 'plan' | 'report';

export type ColumnAlign = 'left' | 'center' | 'right';

/**
 * A table in the body, such as a report's results by commune. Cells are text the caller has
 * already formatted ("1.234", "92,5 %"): the export does not know which columns are numbers.
 */
export interface DocTable {
  /** "Bảng 1. Kết quả đánh kẻng theo xã": printed above the table. */
  caption?: string;
  /** `width` is a relative weight; the columns share the text width in these proportions. */
  columns: { title: string; width: number; align?: ColumnAlign }[];
  /** One string per column in each row. */
  rows: string[][];
  /** A last row in bold ("Tổng cộng", the sums), one string per column. */
  total?: string[];
}

export interface PlanSection {
  /** As printed: "I. MỤC ĐÍCH, YÊU CẦU", "1. Nội dung thực hiện", "Bước 1: Công tác chuẩn bị". */
  heading: string;
  /** Body paragraphs; a paragraph beginning "- " or "+ " is a list item. */
  paragraphs: string[];
  /** Printed after the paragraphs, before the children. */
  tables?: DocTable[];
  children?: PlanSection[];
}

export interface PlanDocument {
  /** 'plan' (KẾ HOẠCH) when omitted. */
  kind?: DocumentKind;
  /** Issuing body, as in the header: superior on the first line when there is one. */
  issuer: { superior?: string; name: string };
  /** "519" in 519/KH-CAH; null while the number is not yet given (draft). */
  number: string | null;
  /** "KH-CAH", "KH-UBND", "KH-PGDĐT"; a report's "BC-UBND". */
  symbol: string;
  /** Place name in the date line: "Điện Quan", "Củ Chi". */
  place: string;
  /** ISO date (YYYY-MM-DD), or null when the date is not yet set. */
  issuedOn: string | null;
  /** Title after "KẾ HOẠCH" or "BÁO CÁO", without that word. */
  title: string;
  /** Legal bases, each a "Căn cứ …" or "Thực hiện …" sentence. */
  bases: string[];
  /** Sentence introducing the body after the bases ("UBND xã … xây dựng kế hoạch … như sau:"). */
  preamble?: string;
  /** The numbered parts of the body, in order: purposes and requirements, content, organisation. */
  sections: PlanSection[];
  /** Closing sentence before the recipients ("Trên đây là kế hoạch …./."). */
  closing?: string;
  /** Nơi nhận, each with its note: "Công an huyện (b/c);". */
  recipients: string[];
  signer: {
    /** "TM. ỦY BAN NHÂN DÂN", "KT. TRƯỞNG PHÒNG"; omitted when the head signs in their own name. */
    authority?: string;
    /** "CHỦ TỊCH", "PHÓ TRƯỞNG PHÒNG". */
    title: string;
    name: string;
  };
}

/**
 * "Nơi nhận" as printed: the issuer keeps a copy at its records office (ND30, Phụ lục I, mục
 * II.9), so the list is never empty and ends with "Lưu: VT." when the writer listed no such copy.
 */
export function withRecordsCopy(recipients: string[]): string[] {
  const listed = recipients.filter((r) => r.trim() !== '');
  return listed.some((r) => /^[-–]?\s*Lưu\b/u.test(r.trim())) ? listed : [...listed, 'Lưu: VT.'];
}
