/**
 * A village's keychain cards on A4, ten to a page (two columns of five), each the size of a bank
 * card with a cut line around it: the QR code opening the tip page already routed to the
 * commune and village, the trusted contact and the code to type by hand. Cards come in the
 * register's order (by household), so the register says which card goes to which house.
 * The QR code is drawn as vector squares, so it stays sharp at any print resolution.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fontData } from '../plans/export/font.ts';
import { inSentence } from '../shared/text.ts';
import { formatCode } from './code.ts';

export interface CardSheet {
  commune: string;
  village: string;
  cards: { code: string; url: string; contactName: string; contactPhone: string }[];
}

const MM = 72 / 25.4;
const CARD_W = 85.6 * MM;
const CARD_H = 54 * MM;
const COLUMNS = 2;
const ROWS = 5;
const A4: [number, number] = [595.28, 841.89];
const LEFT = (A4[0] - COLUMNS * CARD_W) / 2;
const TOP = (A4[1] - ROWS * CARD_H) / 2;
const PAD = 8;
const QR_SIZE = 96;
const INK = '#1a1a1a';
const ACCENT = '#a31515';

function drawQr(pdf: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  // Two modules of quiet zone inside the square, so the cut line never touches the code.
  const cell = size / (modules.size + 4);
  pdf.save().fillColor('#000000');
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) pdf.rect(x + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
    }
  }
  pdf.fill().restore();
}

function drawCard(pdf: PDFKit.PDFDocument, sheet: CardSheet, card: CardSheet['cards'][number], x: number, y: number) {
  pdf.save().lineWidth(0.5).dash(3, { space: 2 }).strokeColor('#999999').rect(x, y, CARD_W, CARD_H).stroke().restore();
  const inner = CARD_W - 2 * PAD;
  pdf.fillColor(ACCENT).font('bold').fontSize(10).text('KHÓA AN TOÀN ANTT', x + PAD, y + PAD, { width: inner, align: 'center', lineBreak: false });
  pdf.fillColor(INK).font('regular').fontSize(7.5).text(`Công an ${inSentence(sheet.commune)} · ${sheet.village}`, x + PAD, y + PAD + 13, { width: inner, align: 'center', height: 10, ellipsis: true });

  const qrY = y + PAD + 26;
  drawQr(pdf, card.url, x + PAD - 4, qrY, QR_SIZE);
  const tx = x + PAD + QR_SIZE;
  const tw = CARD_W - PAD - (tx - x);
  pdf.font('italic').fontSize(7.5).text('Quét mã để báo tin về an ninh, trật tự cho Công an xã; người báo tin được giữ bí mật.', tx, qrY + 2, { width: tw });
  // No household name: the card hangs on the house keys, and a lost bunch must not say whose house it opens.
  pdf.moveDown(0.4).font('regular').fontSize(8).text(`Liên hệ: ${card.contactName}`, { width: tw, height: 22, ellipsis: true });
  pdf.font('bold').fontSize(9).text(`ĐT: ${card.contactPhone}`, { width: tw, lineBreak: false });

  pdf.font('bold').fontSize(9).fillColor(INK).text(`Mã: ${formatCode(card.code)}`, x + PAD, y + CARD_H - PAD - 10, { width: inner, align: 'right', lineBreak: false });
}

export async function renderCards(sheet: CardSheet): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: A4, margin: 0, autoFirstPage: false,
    info: { Title: `Thẻ móc khóa an toàn - ${sheet.village}, ${sheet.commune}`, Creator: 'Bình Yên' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fontData('regular'));
  pdf.registerFont('bold', fontData('bold'));
  pdf.registerFont('italic', fontData('italic'));
  sheet.cards.forEach((card, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (slot === 0) pdf.addPage();
    drawCard(pdf, sheet, card, LEFT + (slot % COLUMNS) * CARD_W, TOP + Math.floor(slot / COLUMNS) * CARD_H);
  });
  pdf.end();
  return done;
}
